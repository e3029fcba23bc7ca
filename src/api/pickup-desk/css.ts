/** Styles of the pickup desk page: phone first (360 px), two columns on tablets. */
export const DESK_CSS = String.raw`
:root { --bg:#f6f6f4; --card:#fff; --ink:#1d1d1b; --muted:#6b6b66; --line:#e3e3de; --accent:#1f5f4a; --warn:#a14d00; --bad:#b42318; --ok:#1f7a3f; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin:0; font:16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--ink); }
.bar { position:sticky; top:0; z-index:2; display:flex; gap:.5rem; align-items:center; padding:.6rem .8rem; background:var(--accent); color:#fff; flex-wrap:wrap; }
.bar select { font:inherit; padding:.3rem; border-radius:6px; border:0; max-width:60vw; }
.bar .muted { color:#d7e7e0; font-size:.85rem; }
.bar .link { color:#fff; }
.grow { flex:1; }
main { max-width:760px; margin:0 auto; padding:.8rem; }
h1 { font-size:1.3rem; margin:.2rem 0 1rem; } h2 { font-size:1.1rem; margin:.8rem 0; }
.card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:1rem; margin-bottom:1rem; }
.narrow { max-width:420px; margin:2rem auto; }
label { display:block; font-weight:600; margin-bottom:.7rem; }
input, textarea { font:inherit; width:100%; padding:.6rem .7rem; border:1px solid var(--line); border-radius:8px; margin-top:.25rem; background:#fff; }
input[type=number] { width:5rem; }
button { font:inherit; padding:.6rem .9rem; border-radius:8px; border:1px solid var(--line); background:#fff; cursor:pointer; min-height:44px; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
button.danger { color:var(--bad); border-color:#f0c8c4; }
button.link { border:0; background:none; padding:.2rem 0; color:var(--accent); min-height:0; }
button.wide { width:100%; }
button:disabled { opacity:.5; cursor:default; }
.row { display:flex; gap:.5rem; align-items:center; }
.row input { margin-top:0; }
.between { justify-content:space-between; flex-wrap:wrap; } .between input { flex:1 1 12rem; max-width:18rem; }
.between h1, .between h2 { flex:1 1 auto; }
.verify #code { text-transform:uppercase; letter-spacing:.12em; font-family:ui-monospace, Menlo, monospace; }
.error { color:var(--bad); margin:.5rem 0 0; }
.muted { color:var(--muted); } .small { font-size:.85rem; }
.queue { list-style:none; margin:0; padding:0; display:grid; gap:.5rem; }
.queue li button { width:100%; text-align:left; display:grid; grid-template-columns:1fr auto; gap:.15rem .5rem; background:var(--card); border-radius:12px; padding:.75rem .9rem; }
.queue .name { font-weight:600; }
.queue .arrived { border-left:6px solid var(--warn); }
.badge { display:inline-block; padding:.1rem .5rem; border-radius:999px; font-size:.8rem; font-weight:600; background:#eceae4; white-space:nowrap; }
.badge.placed { background:#e8eefc; color:#23408e; } .badge.preparing { background:#fff1d6; color:#7a4b00; }
.badge.ready, .badge.partially_ready { background:#dff3e6; color:var(--ok); } .badge.collected { background:#e9e9e9; color:#444; }
.badge.cancelled, .badge.expired { background:#fde7e5; color:var(--bad); }
.badge.here { background:var(--warn); color:#fff; }
.items { list-style:none; padding:0; margin:.5rem 0; }
.items li { display:flex; justify-content:space-between; gap:.5rem; padding:.5rem 0; border-bottom:1px solid var(--line); }
.items .qty { font-weight:700; white-space:nowrap; }
.items .rejected { color:var(--bad); font-size:.9rem; }
.split { display:grid; grid-template-columns:1fr auto; gap:.4rem; align-items:center; padding:.5rem 0; border-bottom:1px solid var(--line); }
.split input[type=text] { grid-column:1 / -1; }
.actions { display:flex; flex-wrap:wrap; gap:.5rem; margin-top:1rem; }
.timeline { list-style:none; padding:0; margin:0; font-size:.9rem; }
.timeline li { padding:.3rem 0; border-bottom:1px dashed var(--line); }
.verified { background:#dff3e6; color:var(--ok); border-radius:8px; padding:.6rem .8rem; font-weight:600; }
.done { text-align:center; } .done .big { font-size:2.5rem; color:var(--ok); }
.scanner { position:fixed; inset:0; z-index:5; background:#000; display:flex; flex-direction:column; }
.scanner video { flex:1; width:100%; object-fit:cover; }
.scanner button { margin:1rem; }
dl { display:grid; grid-template-columns:auto 1fr; gap:.3rem .8rem; margin:.5rem 0; } dt { color:var(--muted); } dd { margin:0; }
@media (max-width: 420px) { #who { display:none; } .bar { gap:.35rem; } .bar strong { font-size:.95rem; } .bar select { max-width:40vw; } .between input { max-width:none; } }
@media (min-width: 900px) { main { max-width:1000px; } .queue { grid-template-columns:1fr 1fr; } }
`
