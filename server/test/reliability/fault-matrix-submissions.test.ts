import { DRIVERS } from './drivers'
import { ROUTES } from './fault-matrix'
import { defineFaultMatrix } from './fault-matrix-runner'

defineFaultMatrix('follow-ups', ROUTES.filter(route => route.driver === DRIVERS.submit))
