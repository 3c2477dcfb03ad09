import { readFileSync } from 'node:fs'

/** The server's `start` script: `node <flags> dist/index.js`, what npm start runs (the Docker image and the systemd unit run the same). */
export const START_SCRIPT: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start

/** The node flags production runs the built server with, read from the start script (so a measurement runs what production runs). */
export function startNodeFlags(script = START_SCRIPT): string[] {
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) dist\/index\.js$/.exec(script)
  if (!match)
    throw new Error(`the server's start script is not "node [--flag ...] dist/index.js": ${script}`)
  return match[1]!.split(' ').filter(Boolean)
}
