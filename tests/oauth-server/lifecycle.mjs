// The life of a test server, as server.mjs and node-oauth-server.mjs share
// it: once listening, it prints one JSON line on stdout (the only thing it
// ever writes there) saying where; it stops on SIGTERM, SIGINT or SIGHUP and
// when its stdin reaches EOF (unless OAUTH_SERVER_IGNORE_STDIN=1), so that a
// test process that dies takes the server with it.
//
// SPDX-License-Identifier: GPL-3.0-or-later

export function serveUntilStopped(servers, log, ready) {
  let stopping = false;
  function shutdown(why) {
    if (stopping) return;
    stopping = true;
    log(`shutting down (${why})`);
    for (const s of servers) {
      s.close();
      s.closeAllConnections?.();
    }
    // Do not wait for lingering sockets.
    setTimeout(() => process.exit(0), 200).unref();
  }

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  if (process.env.OAUTH_SERVER_IGNORE_STDIN !== '1') {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('close', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin error'));
    process.stdin.resume(); // read and discard, to notice EOF
  }
  process.stdout.on('error', () => {}); // reader went away: keep serving until stdin/signal

  process.stdout.write(`${JSON.stringify(ready)}\n`);
}
