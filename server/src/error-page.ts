const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

/** A small Chinese page for sign-in failures: what happened and what to do. */
export function errorPage(title: string, hint: string, code?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title><style>body{font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;padding:48px 24px;color:#323233;background:#f7f8fa;text-align:center}h1{font-size:20px;margin:0 0 12px}p{color:#646566;margin:0 0 24px}a{display:inline-block;padding:10px 28px;border-radius:22px;background:#1989fa;color:#fff;text-decoration:none}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(hint)}</p>${code ? `<p>错误代码：${escapeHtml(code)}</p>` : ''}<a href="/">重新打开</a></body></html>`
}
