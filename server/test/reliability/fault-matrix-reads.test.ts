import { ROUTES } from './fault-matrix'
import { defineFaultMatrix } from './fault-matrix-runner'

defineFaultMatrix('sign-in, JS-SDK, context, group, upload', ROUTES.filter(route => !route.driver.writes))
