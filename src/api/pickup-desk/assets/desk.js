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
    scanning: null,
    // "pickups" or "shipments" (the "to ship" queue of routed delivery orders)
    mode: sessionStorage.getItem("desk.mode") || "pickups",
    shipments: [],
    shipment: null,
    notice: null
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
  // Times are shown on the store's clock, 24-hour, whatever the browser's zone
  // and locale: pickups arrive with the store's offset, shipments in UTC, and
  // both are formatted in the store's time zone (from /staff/me).
  /** @type {Record<string, Intl.DateTimeFormat>} */
  var clocks = {};
  function clock() {
    var store = currentStore();
    var zone = (store && store.timezone) || "";
    if (!clocks[zone]) {
      // hourCycle is ES2020 (the type check's lib is ES2019): "h23" is 00–23, never "4:00 PM" nor "24:05".
      var options = /** @type {Intl.DateTimeFormatOptions & { hourCycle: string }} */ (
        { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      if (zone) options.timeZone = zone;
      try { clocks[zone] = new Intl.DateTimeFormat("en-GB", options); }
      catch (e) { delete options.timeZone; clocks[zone] = new Intl.DateTimeFormat("en-GB", options); } // an unknown zone: the browser's
    }
    return clocks[zone];
  }
  /** @param {string | Date} value @returns {Record<string, string>} */
  function clockParts(value) {
    /** @type {Record<string, string>} */
    var parts = {};
    clock().formatToParts(new Date(value)).forEach(function (p) { parts[p.type] = p.value; });
    return parts;
  }
  function hhmm(iso) { if (!iso) return ""; var p = clockParts(iso); return p.hour + ":" + p.minute; }
  function day(iso) { if (!iso) return ""; var p = clockParts(iso); return p.day + "/" + p.month; }
  function when(iso) { return iso ? day(iso) + " " + hhmm(iso) : ""; }
  // The order states' words are those of src/types/status.ts (ORDER_STATE_LABEL),
  // which this plain script cannot import: a unit test keeps them equal
  // (src/api/pickup-desk/__tests__/desk-status.unit.spec.ts).
  var STATUS = { placed: "Order placed", preparing: "Being prepared", ready: "Ready for pickup", partially_ready: "Partly ready",
    collected: "Collected", canceled: "Canceled", expired: "Expired",
    to_ship: "To ship", picking: "Picking", packed: "Packed", shipped: "Shipped",
    allocated: "To ship", rejected: "Not found here", unavailable: "Unavailable" };
  var ACTIONS = { arrived: "Customer arrived", reminder_sent: "Reminder sent", "reject line": "Item not found here", cancel: "Nothing left to ship here" };
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
            // A 400 lists each field's problem in plain words: show those, not the summary.
            var fields = Array.isArray(data.errors) ? data.errors.map(function (e) { return e.message; }).join(" · ") : "";
            var err = /** @type {Error & { status?: number, data?: any }} */ (new Error(fields || data.message || ("Error " + res.status)));
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
  function currentStore() {
    return ((state.me && state.me.stores) || []).filter(function (x) { return x.id === state.store; })[0] || null;
  }
  function storeName() {
    var s = currentStore();
    return s ? s.name : "";
  }
  function openQueue() {
    state.current = null;
    state.shipment = null;
    show("queue-view");
    var shipping = state.mode === "shipments";
    $("tab-pickups").setAttribute("aria-selected", String(!shipping));
    $("tab-shipments").setAttribute("aria-selected", String(shipping));
    $("verify").hidden = shipping;
    $("search").hidden = shipping;
    $("queue").hidden = shipping;
    $("ship-queue").hidden = !shipping;
    $("queue-title").textContent = (shipping ? "To ship · " : "Queue · ") + storeName();
    refreshQueue();
    clearInterval(state.timer);
    state.timer = setInterval(function () { if (!$("queue-view").hidden) refreshQueue(); }, 15000);
  }
  function setMode(mode) {
    state.mode = mode;
    sessionStorage.setItem("desk.mode", mode);
    openQueue();
  }
  $("tab-pickups").onclick = function () { setMode("pickups"); };
  $("tab-shipments").onclick = function () { setMode("shipments"); };
  function refreshQueue() {
    refreshShipments();
    if (state.mode === "shipments") return Promise.resolve();
    var q = $("search").value.trim();
    var url = "/staff/pickups?limit=50&location_id=" + encodeURIComponent(state.store) + (q ? "&q=" + encodeURIComponent(q) : "");
    return call("GET", url).then(function (data) {
      state.pickups = data.pickups;
      renderQueue();
      $("updated").textContent = "Updated " + hhmm(new Date()) + ".";
    }).catch(function (err) { $("updated").textContent = problem(err); });
  }
  // ---- "to ship": routed delivery orders this store sends
  function refreshShipments() {
    return call("GET", "/staff/shipments?limit=50&location_id=" + encodeURIComponent(state.store)).then(function (data) {
      state.shipments = data.shipments;
      $("ship-count").textContent = String(data.count);
      $("ship-count").hidden = !data.count;
      if (state.mode === "shipments") {
        renderShipments();
        $("updated").textContent = "Updated " + hhmm(new Date()) + ".";
      }
    }).catch(function (err) { $("updated").textContent = problem(err); });
  }
  function units(lines) {
    return lines.filter(function (l) { return l.status === "allocated"; }).reduce(function (n, l) { return n + l.quantity; }, 0);
  }
  function renderShipments() {
    $("queue-empty").hidden = state.shipments.length > 0;
    $("queue-empty").textContent = "Nothing to ship.";
    $("ship-queue").innerHTML = state.shipments.map(function (s) {
      var a = (s.order && s.order.shipping_address) || {};
      var n = units(s.lines);
      return '<li><button data-shipment="' + esc(s.id) + '">' +
        '<span class="name">#' + esc(s.order.display_id) + " · " + esc([a.first_name, a.last_name].filter(Boolean).join(" ") || s.order.email || "Guest") + "</span>" +
        "<span>" + badge(s.status) + "</span>" +
        '<span class="muted small">' + esc(n) + " item" + (n === 1 ? "" : "s") + " · to " + esc([a.postal_code, a.city].filter(Boolean).join(" ")) + "</span>" +
        '<span class="muted small">ordered ' + esc(when(s.order.created_at)) + "</span></button></li>";
    }).join("");
  }
  $("ship-queue").onclick = function (e) {
    var b = /** @type {HTMLElement} */ (e.target).closest("button[data-shipment]");
    if (b) openShipment(b.getAttribute("data-shipment"));
  };
  function money(amount, currency) {
    try { return new Intl.NumberFormat(undefined, { style: "currency", currency: (currency || "eur").toUpperCase() }).format(amount); }
    catch (e) { return String(amount); }
  }
  function openShipment(id) {
    return call("GET", "/staff/shipments/" + encodeURIComponent(id)).then(function (data) {
      state.shipment = data.shipment;
      state.notice = null;
      renderShipment();
    });
  }
  function shipAct(path, body) {
    var s = state.shipment;
    var buttons = document.querySelectorAll("#detail button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    return call("POST", "/staff/shipments/" + encodeURIComponent(s.id) + "/" + path, body || {})
      .then(function (data) {
        state.shipment = data.shipment;
        state.notice = data.moved_to === undefined ? null :
          data.moved_to ? "Sent on to " + data.moved_to.name + "." :
          "No other location has it: the customer is told it can't be sent" +
            (data.refunded_amount > 0 ? " and refunded " + money(data.refunded_amount, data.shipment.order && data.shipment.order.currency_code) + "." : ".");
        renderShipment();
      })
      .catch(function (err) {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        $("action-error").textContent = problem(err);
        $("action-error").hidden = false;
      });
  }
  function renderShipment() {
    var s = state.shipment;
    show("detail-view");
    var a = (s.order && s.order.shipping_address) || {};
    var open = s.status === "to_ship" || s.status === "picking" || s.status === "packed";
    var html = '<div class="card"><div class="row between"><h1>#' + esc(s.order.display_id) + " · " + esc([a.first_name, a.last_name].filter(Boolean).join(" ") || s.order.email || "Guest") + "</h1>" + badge(s.status) + "</div>" +
      (state.notice ? '<p class="notice" role="status">' + esc(state.notice) + "</p>" : "") +
      "<dl><dt>Ship to</dt><dd>" + esc([a.address_1, [a.postal_code, a.city].filter(Boolean).join(" "), (a.country_code || "").toUpperCase()].filter(Boolean).join(", ")) + "</dd>" +
      (s.carrier ? "<dt>Carrier</dt><dd>" + esc(s.carrier) + " · " + esc(s.tracking_number) + "</dd>" : "") + "</dl>" +
      '<ul class="items">' + s.lines.map(function (l) {
        var can = open && l.status === "allocated";
        return "<li><span>" + esc(l.title) + (l.variant_title ? ' <span class="muted">' + esc(l.variant_title) + "</span>" : "") +
          '<br><span class="muted small">' + esc(l.sku || "") + "</span>" +
          (l.reason ? '<br><span class="rejected">' + esc(l.reason) + "</span>" : "") +
          (can ? '<br><button class="link" data-reject="' + esc(l.line_item_id) + '" aria-label="Can\'t find ' + esc(l.title) + '">Can\'t find it…</button>' : "") +
          '</span><span class="qty">× ' + esc(l.quantity) + "<br>" + (l.status === "allocated" ? "" : badge(l.status)) + "</span></li>";
      }).join("") + "</ul>" +
      '<div id="actions"></div><p id="action-error" class="error" role="alert" hidden></p></div>' +
      '<div class="card"><h2>Timeline</h2><ul class="timeline">' + s.timeline.map(function (t) {
        return "<li>" + esc(when(t.at)) + " · " + esc(actionName(t.action)) + (t.data && t.data.reason ? " · " + esc(t.data.reason) : "") + "</li>";
      }).join("") + "</ul></div>";
    $("detail").innerHTML = html;
    Array.prototype.forEach.call(document.querySelectorAll("[data-reject]"), function (b) {
      b.onclick = function () { rejectForm(b.getAttribute("data-reject")); };
    });
    var box = $("actions");
    if (s.status === "to_ship") {
      box.innerHTML = '<div class="actions"><button id="s-pick" class="primary">Start picking</button></div>';
      $("s-pick").onclick = function () { shipAct("pick"); };
    } else if (s.status === "picking") {
      box.innerHTML = '<div class="actions"><button id="s-pack" class="primary">Packed</button></div>';
      $("s-pack").onclick = function () { shipAct("pack"); };
    } else if (s.status === "packed") {
      box.innerHTML = "<h2>Ship</h2>" +
        '<label>Carrier <input id="s-carrier" list="carriers" autocomplete="off"></label>' +
        '<datalist id="carriers"><option value="Colissimo"><option value="Chronopost"><option value="DHL"><option value="UPS"></datalist>' +
        '<label>Tracking number <input id="s-tracking" autocomplete="off" autocapitalize="characters" spellcheck="false"></label>' +
        '<div class="actions"><button id="s-ship" class="primary">Shipped</button></div>';
      $("s-ship").onclick = function () {
        shipAct("ship", { carrier: $("s-carrier").value.trim(), tracking_number: $("s-tracking").value.trim() });
      };
    } else {
      box.innerHTML = '<div class="actions"><button id="s-next" class="primary">Back to the list</button></div>';
      $("s-next").onclick = openQueue;
    }
  }
  function rejectForm(lineId) {
    var l = state.shipment.lines.filter(function (x) { return x.line_item_id === lineId; })[0];
    $("actions").innerHTML = "<h2>Can't find " + esc(l.title) + "</h2>" +
      '<label>What happened? <input id="r-reason" placeholder="e.g. damaged, not on the shelf"></label>' +
      '<p class="muted small">It goes to the next location that has it; the customer hears only if none does.</p>' +
      '<div class="actions"><button id="r-confirm" class="danger">Hand it on</button><button id="r-back">Back</button></div>';
    $("r-back").onclick = renderShipment;
    $("r-confirm").onclick = function () { shipAct("lines/" + encodeURIComponent(lineId) + "/reject", { reason: $("r-reason").value.trim() }); };
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
