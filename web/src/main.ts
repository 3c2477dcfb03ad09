import { openEarly } from './opening'
import './styles.css'

// The opening needs only the WeCom platform module and the bridge's answer: it starts at once, and the context request
// goes out while Vue, the stores and the form are still arriving and starting (index.html's skeleton shows meanwhile).
openEarly()
void import('./app').then(({ mountApp }) => mountApp())
