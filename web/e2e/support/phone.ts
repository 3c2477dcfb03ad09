/** A phone in the WeCom sidebar, as every browser test and the opening benchmark see it. */
export const PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const

/** The PC sidebar of Windows/Mac WeCom: about 360 px wide, a mouse, no touch. */
export const PC_SIDEBAR = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const

/** Debian's Chromium on a closed network: without the background-networking flags it floods refused connections. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ],
}
