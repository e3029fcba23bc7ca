/**
 * The pickup desk page (served at /pickup-desk). Shipped as a TypeScript
 * module because `medusa plugin:build` only carries compiled sources: the
 * page, its script and its styles are plain strings. No build step, no
 * framework: it runs on any phone or tablet browser.
 */
export const DESK_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<title>Pickup desk</title>
<link rel="stylesheet" href="/pickup-desk/desk.css">
</head>
<body>
<header class="bar">
  <strong>Pickup desk</strong>
  <select id="store" aria-label="Store" hidden></select>
  <span class="grow"></span>
  <span id="who" class="muted"></span>
  <button id="logout" class="link" hidden>Log out</button>
</header>
<main>
  <section id="login-view" hidden>
    <form id="login" class="card narrow" autocomplete="on">
      <h1>Staff log in</h1>
      <label>Email <input id="email" name="email" type="email" autocomplete="username" required></label>
      <label>Password <input id="password" name="password" type="password" autocomplete="current-password" required></label>
      <p id="login-error" class="error" role="alert" hidden></p>
      <button type="submit" class="primary wide">Log in</button>
    </form>
  </section>

  <section id="queue-view" hidden>
    <form id="verify" class="card verify">
      <label for="code">Pickup code</label>
      <div class="row">
        <input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="Type or scan" required>
        <button type="submit" class="primary">Find</button>
        <button type="button" id="scan" hidden>Scan QR</button>
      </div>
      <p id="verify-error" class="error" role="alert" hidden></p>
    </form>
    <div id="scanner" class="scanner" hidden>
      <video id="video" playsinline muted></video>
      <button type="button" id="scan-stop">Stop scanning</button>
    </div>
    <div class="row between">
      <h2 id="queue-title">Queue</h2>
      <input id="search" type="search" placeholder="Search name or order #" aria-label="Search">
    </div>
    <ul id="queue" class="queue" aria-live="polite"></ul>
    <p id="queue-empty" class="muted" hidden>No orders waiting.</p>
    <p class="muted small">Refreshes every 15 seconds. <span id="updated"></span></p>
  </section>

  <section id="detail-view" hidden>
    <button id="back" class="link">&larr; Queue</button>
    <div id="detail"></div>
  </section>
</main>
<script src="/pickup-desk/desk.js" defer></script>
</body>
</html>`
