import type { Request, RequestHandler, Response } from 'express'

/**
 * Runs a middleware that only sets headers, the same for every request (helmet with fixed directives), once at start
 * and replays what it did on each request: helmet walks a dozen middlewares per request to set the same values.
 * Refuses one that does anything else (reads the request, answers, fails or finishes later).
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const set: [string, string | number | readonly string[]][] = []
  const removed: string[] = []
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  }
  const noRequest = new Proxy({}, { get: (_target, property) => {
    throw new Error(`fixedHeaders: the middleware read req.${String(property)}; its headers may depend on the request`)
  } })
  let finished = false
  void middleware(noRequest as Request, new Proxy(recorder, { get: (target, property) => {
    if (property in target)
      return target[property as keyof typeof target]
    throw new Error(`fixedHeaders: the middleware used res.${String(property)}, not only setHeader/removeHeader`)
  } }) as unknown as Response, (error?: unknown) => {
    if (error)
      throw error
    finished = true
  })
  if (!finished)
    throw new Error('fixedHeaders: the middleware did not call next() at once')
  return (_req, res, next) => {
    for (const name of removed)
      res.removeHeader(name)
    for (const [name, value] of set)
      res.setHeader(name, value)
    next()
  }
}
