// @ts-check
(function () {
  "use strict";
  var state = {
    token: sessionStorage.getItem("desk.token"),
    me: null,
    store: localStorage.getItem("desk.store"),
    pickups: [],
    current: null,
    verified: null,
    timer: null,
    scanning: null
  };
  /**
   * An element of the page by id. Typed as the widest kind the script uses
   * (inputs and the scanner's video), so the type check still catches typos
   * in property names.
   * @param {string} id
   * @returns {HTMLInputElement & HTMLVideoElement}
   */
  function $(id) { return /** @type {any} */ (document.getElementById(id)); }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // Times arrive as ISO strings in the store's own zone: read the wall clock off them.
  function hhmm(iso) { return iso ? iso.slice(11, 16) : ""; }
  function day(iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) : ""; }
  function when(iso) { return iso ? day(iso) + " " + hhmm(iso) : ""; }
  var STATUS = { placed: "New", preparing: "Preparing", ready: "Ready", partially_ready: "Partly ready",
    collected: "Collected", canceled: "Canceled", expired: "Expired" };
  var ACTIONS = { placed: "Placed", arrived: "Customer arrived", reminder_sent: "Reminder sent" };
  function actionName(a) { return ACTIONS[a] || STATUS[a] || a.replace(/_/g, " "); }
  function badge(status) { return '<span class="badge ' + esc(status) + '">' + esc(STATUS[status] || status) + "</span>"; }

  function call(method, path, body) {
    var headers = { "content-type": "application/json" };
    if (state.token) headers.authorization = "Bearer " + state.token;
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.status === 401 && path.indexOf("/auth/") !== 0) { logout(); }
          if (!res.ok) {
            var err = /** @type {Error & { status?: number, data?: any }} */ (new Error(data.message || ("Error " + res.status)));
            err.status = res.status; err.data = data;
            throw err;
          }
          return data;
        });
      });
  }
  function problem(err) {
    if (err.status === 429) {
      var minutes = Math.ceil((err.data.retry_after || 60) / 60);
      return "Too many wrong codes. Wait " + minutes + " minute" + (minutes > 1 ? "s" : "") + " before trying again.";
    }
    return err.message;
  }
  function show(view) {
    ["login-view", "queue-view", "detail-view"].forEach(function (v) { $(v).hidden = v !== view; });
    $("logout").hidden = view === "login-view";
    $("store").hidden = view === "login-view" || !state.me || state.me.stores.length < 2;
  }

  // ---- log in / out
  function logout() {
    sessionStorage.removeItem("desk.token");
    state.token = null; state.me = null;
    clearInterval(state.timer);
    $("who").textContent = "";
    show("login-view");
  }
  $("logout").onclick = logout;
  $("login").onsubmit = function (e) {
    e.preventDefault();
    $("login-error").hidden = true;
    call("POST", "/auth/staff/emailpass", { email: $("email").value.trim(), password: $("password").value })
      .then(function (data) {
        if (!data.token) throw new Error("Log in failed");
        state.token = data.token;
        sessionStorage.setItem("desk.token", data.token);
        $("password").value = "";
        return start();
      })
      .catch(function (err) {
        $("login-error").textContent = err.status === 401 ? "Wrong email or password." : problem(err);
        $("login-error").hidden = false;
      });
  };

  function start() {
    return call("GET", "/staff/me").then(function (data) {
      state.me = data.staff;
      $("who").textContent = state.me.first_name + " " + state.me.last_name;
      var stores = state.me.stores;
      if (!stores.length) {
        show("queue-view");
        $("queue").innerHTML = "";
        $("queue-empty").textContent = "You are not assigned to a store yet. Ask your manager.";
        $("queue-empty").hidden = false;
        return;
      }
      if (!stores.some(function (s) { return s.id === state.store; })) state.store = stores[0].id;
      $("store").innerHTML = stores.map(function (s) {
        return '<option value="' + esc(s.id) + '"' + (s.id === state.store ? " selected" : "") + ">" + esc(s.name) + "</option>";
      }).join("");
      openQueue();
    });
  }
  $("store").onchange = function () {
    state.store = $("store").value;
    localStorage.setItem("desk.store", state.store);
    openQueue();
  };

  // ---- queue
  function storeName() {
    var s = (state.me.stores || []).filter(function (x) { return x.id === state.store; })[0];
    return s ? s.name : "";
  }
  function openQueue() {
    state.current = null;
    show("queue-view");
    $("queue-title").textContent = "Queue · " + storeName();
    refreshQueue();
    clearInterval(state.timer);
    state.timer = setInterval(function () { if (!$("queue-view").hidden) refreshQueue(); }, 15000);
  }
  function refreshQueue() {
    var q = $("search").value.trim();
    var url = "/staff/pickups?limit=50&location_id=" + encodeURIComponent(state.store) + (q ? "&q=" + encodeURIComponent(q) : "");
    return call("GET", url).then(function (data) {
      state.pickups = data.pickups;
      renderQueue();
      $("updated").textContent = "Updated " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".";
    }).catch(function (err) { $("updated").textContent = problem(err); });
  }
  function renderQueue() {
    $("queue-empty").hidden = state.pickups.length > 0;
    $("queue-empty").textContent = "No orders waiting.";
    $("queue").innerHTML = state.pickups.map(function (p) {
      var time = p.slot ? "slot " + hhmm(p.slot.start) + "–" + hhmm(p.slot.end) : (p.ready_by ? "ready by " + when(p.ready_by) : "");
      return '<li><button data-id="' + esc(p.id) + '" class="' + (p.arrived_at ? "arrived" : "") + '">' +
        '<span class="name">#' + esc(p.order_display_id) + " · " + esc(p.customer_name || (p.pickup_person && p.pickup_person.name) || "Guest") + "</span>" +
        "<span>" + (p.arrived_at ? '<span class="badge here">Here</span> ' : "") + badge(p.status) + "</span>" +
        '<span class="muted small">' + esc(p.item_count) + " item" + (p.item_count === 1 ? "" : "s") + (time ? " · " + esc(time) : "") + "</span>" +
        '<span class="muted small">' + (p.arrival_note ? esc(p.arrival_note) : "") + "</span>" +
        "</button></li>";
    }).join("");
  }
  $("queue").onclick = function (e) {
    var b = /** @type {HTMLElement} */ (e.target).closest("button[data-id]");
    if (b) openPickup(b.getAttribute("data-id"));
  };
  var searchTimer = null;
  $("search").oninput = function () { clearTimeout(searchTimer); searchTimer = setTimeout(refreshQueue, 300); };

  // ---- verify by code or QR
  $("verify").onsubmit = function (e) {
    e.preventDefault();
    verify($("code").value);
  };
  function verify(code) {
    $("verify-error").hidden = true;
    return call("POST", "/staff/pickups/verify", { location_id: state.store, code: code })
      .then(function (data) {
        $("code").value = "";
        state.verified = { id: data.pickup.id, code: code };
        state.current = data.pickup;
        renderDetail();
      })
      .catch(function (err) {
        $("verify-error").textContent = problem(err);
        $("verify-error").hidden = false;
      });
  }
  if ("BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    $("scan").hidden = false;
  }
  $("scan").onclick = function () {
    // BarcodeDetector (Chrome, Android) is not in TypeScript's DOM types yet.
    var detector = new (/** @type {any} */ (window)).BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      var video = $("video");
      video.srcObject = stream;
      video.play();
      $("scanner").hidden = false;
      state.scanning = setInterval(function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) { stopScan(); verify(codes[0].rawValue); }
        }).catch(function () {});
      }, 250);
    }).catch(function (err) {
      $("verify-error").textContent = "Camera not available: " + err.message;
      $("verify-error").hidden = false;
    });
  };
  function stopScan() {
    clearInterval(state.scanning);
    var video = $("video");
    var stream = /** @type {MediaStream | null} */ (video.srcObject);
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    video.srcObject = null;
    $("scanner").hidden = true;
  }
  $("scan-stop").onclick = stopScan;

  // ---- one order
  function openPickup(id) {
    return call("GET", "/staff/pickups/" + encodeURIComponent(id)).then(function (data) {
      state.current = data.pickup;
      renderDetail();
    });
  }
  $("back").onclick = openQueue;

  function act(path, body) {
    var p = state.current;
    var buttons = document.querySelectorAll("#detail button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    return call("POST", "/staff/pickups/" + encodeURIComponent(p.id) + "/" + path, body || {})
      .then(function (data) { state.current = data.pickup; renderDetail(); })
      .catch(function (err) {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        var box = $("action-error");
        box.textContent = problem(err);
        box.hidden = false;
      });
  }

  function itemsHtml(p) {
    var rejected = {};
    (p.rejected_items || []).forEach(function (r) { rejected[r.line_item_id] = r; });
    return '<ul class="items">' + (p.order ? p.order.items : []).map(function (i) {
      var r = rejected[i.id];
      return "<li><span>" + esc(i.title) + (i.variant_title ? ' <span class="muted">' + esc(i.variant_title) + "</span>" : "") +
        '<br><span class="muted small">' + esc(i.sku || "") + "</span>" +
        (r ? '<br><span class="rejected">' + esc(r.quantity) + " rejected: " + esc(r.reason) + "</span>" : "") +
        '</span><span class="qty">× ' + esc(r ? i.quantity - r.quantity : i.quantity) + "</span></li>";
    }).join("") + "</ul>";
  }

  function renderDetail() {
    var p = state.current;
    show("detail-view");
    var person = p.pickup_person && p.pickup_person.name;
    var html = '<div class="card"><div class="row between"><h1>#' + esc(p.order_display_id) + " · " + esc(p.customer_name || person || "Guest") + "</h1>" + badge(p.status) + "</div><dl>" +
      (person && person !== p.customer_name ? "<dt>Collected by</dt><dd>" + esc(person) + "</dd>" : "") +
      (p.slot ? "<dt>Slot</dt><dd>" + esc(when(p.slot.start)) + "–" + esc(hhmm(p.slot.end)) + "</dd>" : "") +
      (p.ready_by ? "<dt>Ready by</dt><dd>" + esc(when(p.ready_by)) + "</dd>" : "") +
      (p.expires_at ? "<dt>Held until</dt><dd>" + esc(when(p.expires_at)) + "</dd>" : "") +
      (p.arrived_at ? "<dt>Arrived</dt><dd>" + esc(hhmm(p.arrived_at)) + (p.arrival_note ? " · " + esc(p.arrival_note) : "") + "</dd>" : "") +
      "</dl>" + itemsHtml(p) + '<div id="actions"></div><p id="action-error" class="error" role="alert" hidden></p></div>' +
      '<div class="card"><h2>Timeline</h2><ul class="timeline">' + p.timeline.map(function (t) {
        return "<li>" + esc(when(t.at)) + " · " + esc(actionName(t.action)) + (t.actor && t.actor.name ? " · " + esc(t.actor.name) : "") + "</li>";
      }).join("") + "</ul></div>";
    $("detail").innerHTML = html;
    renderActions();
    window.scrollTo(0, 0);
  }

  function renderActions() {
    var p = state.current;
    var box = $("actions");
    if (p.status === "placed" || p.status === "preparing") {
      box.innerHTML = '<div class="actions">' +
        (p.status === "placed" ? '<button id="a-prepare">Start preparing</button>' : "") +
        '<button id="a-ready" class="primary">Mark ready</button><button id="a-partial">Partly ready…</button>' +
        '<button id="a-cancel" class="danger">Cancel order…</button></div>';
      if ($("a-prepare")) $("a-prepare").onclick = function () { act("prepare"); };
      $("a-ready").onclick = function () { act("ready"); };
      $("a-partial").onclick = partialForm;
      $("a-cancel").onclick = cancelForm;
    } else if (p.status === "ready" || p.status === "partially_ready") {
      var verified = state.verified && state.verified.id === p.id;
      var person = p.pickup_person && p.pickup_person.name;
      box.innerHTML = '<h2>Hand over</h2>' +
        (verified ? '<p class="verified">✓ Code verified</p>' :
          '<label>Pickup code <input id="h-code" autocomplete="off" autocapitalize="characters" spellcheck="false"></label>') +
        '<label class="row"><input id="h-proxy" type="checkbox" style="width:auto"' + (person && person !== p.customer_name ? " checked" : "") + '> Someone else is collecting</label>' +
        '<div id="h-proxy-fields"' + (person && person !== p.customer_name ? "" : " hidden") + '>' +
        '<label>Name <input id="h-name" value="' + esc(person && person !== p.customer_name ? person : "") + '"></label>' +
        '<label>Relation to the customer <input id="h-relation" placeholder="e.g. partner, colleague"></label></div>' +
        '<div class="actions"><button id="a-collect" class="primary">Hand over</button><button id="a-cancel" class="danger">Cancel order…</button></div>';
      $("h-proxy").onchange = function () { $("h-proxy-fields").hidden = !$("h-proxy").checked; };
      $("a-collect").onclick = function () {
        var body = { code: verified ? state.verified.code : $("h-code").value };
        if ($("h-proxy").checked) {
          var name = $("h-name").value.trim();
          if (!name) { $("action-error").textContent = "Enter the name of the person collecting."; $("action-error").hidden = false; return; }
          body.collected_by = { name: name, relation: $("h-relation").value.trim() || null };
        }
        act("collect", body);
      };
      $("a-cancel").onclick = cancelForm;
    } else if (p.status === "collected") {
      var by = p.collected_by && p.collected_by.name;
      box.innerHTML = '<div class="done"><div class="big">✓</div><p><strong>Handed over' + (by ? " to " + esc(by) + (p.collected_by.relation ? " (" + esc(p.collected_by.relation) + ")" : "") : "") +
        "</strong> at " + esc(hhmm(p.collected_at)) + (p.handed_over_by && p.handed_over_by.name ? " by " + esc(p.handed_over_by.name) : "") +
        '.</p><button id="a-next" class="primary">Next customer</button></div>';
      $("a-next").onclick = openQueue;
    } else {
      box.innerHTML = '<p class="muted">' + esc(STATUS[p.status]) + (p.cancel_reason ? ": " + esc(p.cancel_reason) : "") + "</p>";
    }
  }

  function partialForm() {
    var p = state.current;
    $("actions").innerHTML = "<h2>What is ready?</h2>" + p.order.items.map(function (i, n) {
      return '<div class="split"><span>' + esc(i.title) + ' <span class="muted">ordered ' + esc(i.quantity) + "</span></span>" +
        '<input type="number" min="0" max="' + esc(i.quantity) + '" value="' + esc(i.quantity) + '" data-line="' + esc(i.id) + '" data-ordered="' + esc(i.quantity) + '" aria-label="Ready quantity of ' + esc(i.title) + '">' +
        '<input type="text" data-reason="' + esc(i.id) + '" placeholder="Why not all? (shown to the customer)" aria-label="Reason for ' + esc(i.title) + '"></div>';
    }).join("") + '<div class="actions"><button id="a-confirm" class="primary">Confirm</button><button id="a-back">Back</button></div>';
    $("a-back").onclick = renderDetail;
    $("a-confirm").onclick = function () {
      var items = [];
      Array.prototype.forEach.call(document.querySelectorAll("[data-line]"), function (input) {
        var ordered = Number(input.getAttribute("data-ordered"));
        var ready = Math.max(0, Math.min(ordered, Number(input.value)));
        if (ready < ordered) {
          var reason = /** @type {HTMLInputElement} */ (document.querySelector('[data-reason="' + input.getAttribute("data-line") + '"]')).value.trim();
          items.push({ line_item_id: input.getAttribute("data-line"), quantity: ready, rejected_quantity: ordered - ready, reason: reason });
        }
      });
      act("ready", items.length ? { items: items } : {});
    };
  }

  function cancelForm() {
    $("actions").innerHTML = '<label>Why is the order canceled? <input id="c-reason" placeholder="Shown to the customer"></label>' +
      '<div class="actions"><button id="a-confirm" class="danger">Cancel the order</button><button id="a-back">Back</button></div>';
    $("a-back").onclick = renderDetail;
    $("a-confirm").onclick = function () { act("cancel", { reason: $("c-reason").value.trim() }); };
  }

  if (state.token) { start().catch(logout); } else { show("login-view"); }
})();
