import { DRIVERS } from './drivers'
import { ROUTES } from './fault-matrix'
import { defineFaultMatrix } from './fault-matrix-runner'

defineFaultMatrix('opportunities', ROUTES.filter(route => route.driver === DRIVERS.create))
