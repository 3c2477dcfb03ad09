/**
 * A mouse (the PC client's sidebar): Vant's wheel pickers answer only to touch, so the browser's own date and time
 * inputs are used there instead; they work with a mouse, the scroll wheel and the keyboard.
 */
export function hasFinePointer(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches && !matchMedia('(any-pointer: coarse)').matches
}
