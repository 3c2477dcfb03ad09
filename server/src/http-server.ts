import type { Express } from 'express'
import type { Socket } from 'node:net'
import http from 'node:http'

type Construct = (this: unknown, ...args: unknown[]) => void

/**
 * The app's HTTP server, whose requests and responses are created with the app's own prototypes (app.request,
 * app.response). Express sets those on every request it handles; done to an object made with Node's prototypes, that
 * change leaves V8 no cached shape for it, and each property added afterwards (req.body, req.cookies, req.id,
 * res.locals and the router's own) cost about 2 µs, a tenth of a small API call. Made with the app's prototypes, the
 * change is a no-op. Node's IncomingMessage and ServerResponse are plain constructor functions, called on `this`.
 */
export function createHttpServer(app: Express): http.Server {
  function AppRequest(this: unknown, socket: Socket) {
    (http.IncomingMessage as unknown as Construct).call(this, socket)
  }
  AppRequest.prototype = app.request
  function AppResponse(this: unknown, req: http.IncomingMessage, options?: unknown) {
    (http.ServerResponse as unknown as Construct).call(this, req, options)
  }
  AppResponse.prototype = app.response
  return http.createServer({
    IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof http.ServerResponse,
  }, app)
}
