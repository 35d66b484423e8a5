/*
 * WalletDesk chat widget. Embed with <script src="https://HOST/widget.js" defer></script> on any page.
 * Plain ES5 on purpose: it must run on old Android browsers. Guarantees: every message has a client id and
 * waits in a local outbox until the server acknowledges it; after a disconnect the widget resumes from the
 * last sequence number it saw; if WebSocket is blocked it falls back to long polling.
 */
(function () {
  'use strict';

  var script = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/widget(-[0-9a-f]{32})?\.js(\?|$)/.test(all[i].src)) { return all[i]; }
    }
    return null;
  })();
  var base = script ? script.src.replace(/\/widget(-[0-9a-f]{32})?\.js.*$/, '') : '';
  var sameOrigin = !base || base === window.location.protocol + '//' + window.location.host;

  var store = (function () {
    var memory = {};
    var ok = false;
    try { window.localStorage.setItem('wd_probe', '1'); window.localStorage.removeItem('wd_probe'); ok = true; } catch (e) { ok = false; }
    return {
      get: function (k) { try { return ok ? window.localStorage.getItem(k) : (memory[k] || null); } catch (e) { return memory[k] || null; } },
      set: function (k, v) { try { if (ok) { window.localStorage.setItem(k, v); } else { memory[k] = v; } } catch (e) { memory[k] = v; } },
      remove: function (k) { try { if (ok) { window.localStorage.removeItem(k); } delete memory[k]; } catch (e) { delete memory[k]; } }
    };
  })();

  var state = {
    token: null, staff: false, conversationId: null, lastSeq: 0, readByOther: 0,
    socket: null, mode: 'none', attempts: 0, texts: {}, welcomed: false, typingTimer: null, lastTypingSent: 0,
    outbox: [], polling: false, offline: false, leftMessage: false, visitorEmail: null, retryTimer: null,
    waitingSince: null, lastHeard: 0, pingSentAt: null
  };
  var ui = {};

  function t(key, arg) {
    var text = state.texts[key] || key;
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function request(method, path, body, done, fail, headers) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, base + path, true);
    xhr.setRequestHeader('Accept', 'application/json');
    for (var name in (headers || {})) { if (headers.hasOwnProperty(name)) { xhr.setRequestHeader(name, headers[name]); } }
    if (body !== null) { xhr.setRequestHeader('Content-Type', 'application/json'); }
    if (state.token) { xhr.setRequestHeader('X-Chat-Token', state.token); }
    if (path.indexOf('/chat/token') === 0) { xhr.withCredentials = true; }
    xhr.timeout = 35000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      if (xhr.status >= 200 && xhr.status < 300) {
        var data = null;
        try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
        if (done) { done(data, xhr.status); }
      } else if (fail) { fail(xhr.status, xhr.responseText); }
    };
    xhr.send(body === null ? null : JSON.stringify(body));
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) { if (attrs.hasOwnProperty(k)) { node.setAttribute(k, attrs[k]); } }
    if (text) { node.appendChild(document.createTextNode(text)); }
    return node;
  }

  // Links in answers (help articles, status, self-check) become clickable; everything else stays plain text.
  var LINK = /(\/(?:help|status|diagnose|support|wallet|account)(?:\/[A-Za-z0-9\-_\/?=&.#]*)?)/g;
  function bodyNode(text) {
    var span = el('span', { 'class': 'wd-body' });
    var last = 0, match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      var before = text.charAt(match.index - 1);
      if (match.index > 0 && /[A-Za-z0-9]/.test(before)) { continue; }
      var path = match[1].replace(/[.;]+$/, '');
      span.appendChild(document.createTextNode(text.substring(last, match.index)));
      var link = el('a', { href: path, target: '_blank', rel: 'noopener' }, path);
      span.appendChild(link);
      last = match.index + path.length;
      LINK.lastIndex = last;
    }
    span.appendChild(document.createTextNode(text.substring(last)));
    return span;
  }

  function newId() {
    var random = '';
    for (var i = 0; i < 4; i++) { random += Math.floor(Math.random() * 0x10000).toString(16); }
    return 'w-' + new Date().getTime().toString(36) + '-' + random;
  }

  // ---- outbox: survives reloads, so a message typed offline is never lost --------------------------
  function loadOutbox() {
    try { state.outbox = JSON.parse(store.get('wd_outbox') || '[]'); } catch (e) { state.outbox = []; }
  }
  function saveOutbox() { store.set('wd_outbox', JSON.stringify(state.outbox)); }
  function acked(clientMessageId) {
    for (var i = 0; i < state.outbox.length; i++) {
      if (state.outbox[i].clientMessageId === clientMessageId) { state.outbox.splice(i, 1); break; }
    }
    saveOutbox();
    markStatus(clientMessageId, 'sent');
    state.waitingSince = state.outbox.length ? now() : null;
  }
  function now() { return new Date().getTime(); }
  function flushOutbox() {
    for (var i = 0; i < state.outbox.length; i++) { transmit(state.outbox[i]); }
  }

  // ---- rendering ------------------------------------------------------------------------------------
  function build() {
    var host = document.getElementById('walletdesk-chat');
    var floating = !host;
    if (floating) {
      host = el('div', { id: 'walletdesk-chat', 'class': 'wd-floating' });
      document.body.appendChild(host);
    }
    host.className += ' wd-chat';
    ui.host = host;
    var css = el('link', { rel: 'stylesheet', href: base + '/css/widget.css' });
    document.getElementsByTagName('head')[0].appendChild(css);

    ui.launcher = el('button', { type: 'button', 'class': 'wd-launcher', id: 'wd-launcher', 'aria-expanded': 'false' }, t('launcher'));
    ui.panel = el('section', { 'class': 'wd-panel', id: 'wd-panel', hidden: 'hidden', 'aria-label': t('title') });
    var header = el('div', { 'class': 'wd-header' });
    header.appendChild(el('strong', {}, t('title')));
    ui.close = el('button', { type: 'button', 'class': 'wd-close', 'aria-label': t('close') }, '×');
    header.appendChild(ui.close);
    ui.panel.appendChild(header);
    ui.status = el('p', { 'class': 'wd-status', id: 'wd-status', role: 'status' }, t('connecting'));
    ui.panel.appendChild(ui.status);
    ui.list = el('ol', { 'class': 'wd-messages', id: 'wd-messages', 'aria-live': 'polite' });
    ui.panel.appendChild(ui.list);
    ui.typing = el('p', { 'class': 'wd-typing', id: 'wd-typing', 'aria-live': 'polite' });
    ui.panel.appendChild(ui.typing);

    ui.prechat = el('form', { 'class': 'wd-prechat', id: 'wd-prechat', hidden: 'hidden' });
    ui.prechat.appendChild(el('label', { 'for': 'wd-name' }, t('name')));
    ui.name = el('input', { id: 'wd-name', type: 'text', required: 'required', autocomplete: 'name', maxlength: '100' });
    ui.prechat.appendChild(ui.name);
    ui.prechat.appendChild(el('label', { 'for': 'wd-email' }, t('email')));
    ui.email = el('input', { id: 'wd-email', type: 'email', autocomplete: 'email', maxlength: '254' });
    ui.prechat.appendChild(ui.email);
    ui.prechat.appendChild(el('button', { type: 'submit', id: 'wd-start' }, t('start')));
    ui.panel.appendChild(ui.prechat);

    ui.form = el('form', { 'class': 'wd-compose', id: 'wd-compose', hidden: 'hidden' });
    ui.form.appendChild(el('label', { 'for': 'wd-input', 'class': 'wd-hidden' }, t('placeholder')));
    ui.input = el('textarea', { id: 'wd-input', rows: '2', maxlength: '10000', placeholder: t('placeholder') });
    ui.form.appendChild(ui.input);
    ui.form.appendChild(el('button', { type: 'submit', id: 'wd-send' }, t('send')));
    ui.fileLabel = el('label', { 'for': 'wd-file', 'class': 'wd-file-label' }, t('attach'));
    ui.file = el('input', { id: 'wd-file', type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf' });
    ui.form.appendChild(ui.fileLabel);
    ui.form.appendChild(ui.file);
    ui.panel.appendChild(ui.form);
    ui.transcript = el('button', { type: 'button', 'class': 'wd-link', id: 'wd-transcript', hidden: 'hidden' }, t('transcript'));
    ui.panel.appendChild(ui.transcript);
    ui.complaint = el('a', { 'class': 'wd-link', id: 'wd-complaint', href: base + '/support/complaints', target: '_top' }, t('complaint'));
    ui.panel.appendChild(ui.complaint);

    host.appendChild(ui.launcher);
    host.appendChild(ui.panel);

    ui.launcher.onclick = function () { toggle(true); };
    ui.close.onclick = function () { toggle(false); };
    ui.prechat.onsubmit = function (e) { e.preventDefault(); startAsVisitor(); };
    ui.form.onsubmit = function (e) { e.preventDefault(); compose(); };
    ui.input.onkeydown = function (e) {
      if ((e.keyCode === 13 || e.key === 'Enter') && !e.shiftKey) { e.preventDefault(); compose(); }
    };
    ui.input.oninput = typing;
    ui.transcript.onclick = downloadTranscript;
    ui.file.onchange = upload;
  }

  function toggle(open) {
    if (open) { ui.panel.removeAttribute('hidden'); } else { ui.panel.setAttribute('hidden', 'hidden'); }
    ui.launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) { sendRead(); if (!ui.form.hasAttribute('hidden')) { ui.input.focus(); } }
  }

  function setStatus(text) { ui.status.textContent = text; }

  function itemFor(clientMessageId) { return document.getElementById('wd-m-' + clientMessageId); }

  function render(message, pending) {
    var existing = itemFor(message.clientMessageId);
    var mine = pending || message.author === (state.staff ? 'agent' : 'customer');
    var item = existing || el('li', { id: 'wd-m-' + message.clientMessageId, 'class': 'wd-message ' + (mine ? 'wd-mine' : 'wd-theirs') });
    if (!existing) {
      if (!mine && message.authorName) { item.appendChild(el('span', { 'class': 'wd-author' }, message.authorName)); }
      item.appendChild(bodyNode(message.body || ''));
      if (mine) { item.appendChild(el('span', { 'class': 'wd-state' })); }
      ui.list.appendChild(item);
    }
    if (message.seq) { item.setAttribute('data-seq', String(message.seq)); }
    if (mine) { markStatus(message.clientMessageId, pending ? 'queued' : (message.seq <= state.readByOther ? 'readMark' : 'delivered')); }
    ui.list.scrollTop = ui.list.scrollHeight;
  }

  function markStatus(clientMessageId, status) {
    var item = itemFor(clientMessageId);
    if (!item) { return; }
    var mark = item.querySelector('.wd-state');
    if (!mark) { return; }
    var order = { queued: 0, sent: 1, delivered: 2, readMark: 3 };
    var current = item.getAttribute('data-status');
    if (current && order[current] > order[status]) { return; }
    item.setAttribute('data-status', status);
    mark.textContent = t(status);
  }

  function markReadUpTo(seq) {
    state.readByOther = Math.max(state.readByOther, seq);
    var mine = ui.list.querySelectorAll('.wd-mine');
    for (var i = 0; i < mine.length; i++) {
      var s = parseInt(mine[i].getAttribute('data-seq') || '0', 10);
      if (s && s <= state.readByOther) { markStatus(mine[i].id.substring(5), 'readMark'); }
    }
  }

  function received(message) {
    if (message.seq <= state.lastSeq && itemFor(message.clientMessageId)) { return; }
    render(message, false);
    if (message.seq > state.lastSeq) {
      state.lastSeq = message.seq;
      store.set('wd_last_seq_' + state.conversationId, String(state.lastSeq));
    }
    for (var i = 0; i < state.outbox.length; i++) {
      if (state.outbox[i].clientMessageId === message.clientMessageId) { acked(message.clientMessageId); break; }
    }
    if (message.author !== (state.staff ? 'agent' : 'customer')) { ui.typing.textContent = ''; sendRead(); }
  }

  // ---- sending ----------------------------------------------------------------------------------------
  function compose() {
    var body = ui.input.value.replace(/^\s+|\s+$/g, '');
    if (!body) { return; }
    var message = { clientMessageId: newId(), body: body, clientTime: new Date().toISOString() };
    state.outbox.push(message);
    saveOutbox();
    render({ clientMessageId: message.clientMessageId, body: body, author: state.staff ? 'agent' : 'customer' }, true);
    ui.input.value = '';
    transmit(message);
  }

  function transmit(message) {
    if (!state.welcomed) { return; }
    if (state.offline && !state.leftMessage) { leaveMessage(message); return; }
    if (state.mode === 'socket' && state.socket && state.socket.readyState === 1) {
      if (!state.waitingSince) { state.waitingSince = now(); }
      state.socket.send(JSON.stringify({ type: 'send', clientMessageId: message.clientMessageId, body: message.body, clientTime: message.clientTime }));
    } else if (state.mode === 'poll') {
      request('POST', '/api/v1/chat/conversations/' + state.conversationId + '/messages', message,
        function () { acked(message.clientMessageId); },
        function (status, text) {
          if (status === 429) { slowDown(retryAfterOf(text)); } else if (status >= 400 && status < 500) { acked(message.clientMessageId); markStatus(message.clientMessageId, 'queued'); setStatus(t('error')); }
        });
    }
  }

  /**
   * Sent faster than the server allows: the refused messages stay in the outbox, the customer is told how long,
   * and they go out by themselves (same client ids, so nothing is stored twice) once the wait is over.
   */
  function slowDown(seconds) {
    var wait = Math.max(1, parseInt(seconds, 10) || 30);
    state.waitingSince = null; // refused on purpose: waiting is not a dead socket
    setStatus(t('slowDown', wait));
    ui.host.setAttribute('data-retry-after', String(wait));
    if (state.retryTimer) { return; }
    state.retryTimer = setTimeout(function () {
      state.retryTimer = null;
      ui.host.removeAttribute('data-retry-after');
      availability(flushOutbox);
    }, wait * 1000);
  }

  function retryAfterOf(problemText) {
    try { return JSON.parse(problemText).retryAfterSeconds; } catch (e) { return null; }
  }

  /** Nobody can chat now: the first message becomes a left message, answered by e-mail. */
  function leaveMessage(message) {
    state.leftMessage = true;
    request('POST', '/api/v1/chat/leave-message', { body: message.body, email: state.visitorEmail,
      language: document.documentElement.lang || 'en' }, function (conversation) {
      acked(message.clientMessageId);
      setStatus(t('leftMessage', conversation.reference));
      ui.host.setAttribute('data-left-message', conversation.reference);
    }, function () { state.leftMessage = false; setStatus(t('error')); });
  }

  function typing() {
    var now = new Date().getTime();
    if (now - state.lastTypingSent < 3000 || !state.welcomed) { return; }
    state.lastTypingSent = now;
    if (state.mode === 'socket' && state.socket && state.socket.readyState === 1) {
      state.socket.send(JSON.stringify({ type: 'typing' }));
    } else if (state.mode === 'poll') {
      request('POST', '/api/v1/chat/conversations/' + state.conversationId + '/typing', {}, null, null);
    }
  }

  function sendRead() {
    if (!state.welcomed || ui.panel.hasAttribute('hidden') || !state.lastSeq) { return; }
    if (state.mode === 'socket' && state.socket && state.socket.readyState === 1) {
      state.socket.send(JSON.stringify({ type: 'read', seq: state.lastSeq }));
    } else if (state.mode === 'poll') {
      request('POST', '/api/v1/chat/conversations/' + state.conversationId + '/read', { seq: state.lastSeq }, null, null);
    }
  }

  function showTyping(name) {
    ui.typing.textContent = t('typing', name);
    if (state.typingTimer) { clearTimeout(state.typingTimer); }
    state.typingTimer = setTimeout(function () { ui.typing.textContent = ''; }, 4000);
  }

  // ---- transports -----------------------------------------------------------------------------------
  function connect() {
    if (!window.WebSocket || state.attempts >= 3) { startPolling(); return; }
    var url = base ? base.replace(/^http/, 'ws') : (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host;
    var socket;
    try { socket = new WebSocket(url + '/chat/ws'); } catch (e) { startPolling(); return; }
    state.socket = socket;
    state.mode = 'socket';
    var opened = false;
    var watchdog = setTimeout(function () { if (!state.welcomed) { try { socket.close(); } catch (e) { /* ignore */ } } }, 6000);
    socket.onopen = function () {
      opened = true;
      socket.send(JSON.stringify({ type: 'hello', token: state.token, conversationId: state.conversationId,
        lastSeq: state.lastSeq, language: document.documentElement.lang || 'en', email: state.visitorEmail || null }));
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      state.lastHeard = now();
      state.pingSentAt = null;
      if (frame.type === 'welcome') {
        clearTimeout(watchdog);
        state.attempts = 0;
        welcomed(frame.conversationId, frame.readByOther);
      } else if (frame.type === 'message') {
        received(frame.message);
      } else if (frame.type === 'ack') {
        acked(frame.clientMessageId);
      } else if (frame.type === 'typing') {
        showTyping(frame.from);
      } else if (frame.type === 'read') {
        markReadUpTo(frame.seq);
      } else if (frame.type === 'error' && frame.code === 'too-many-messages') {
        slowDown(frame.retryAfterSeconds);
      } else if (frame.type === 'error' && (frame.code === 'invalid-token' || frame.code === 'not-found')) {
        forgetIdentity();
      } else if (frame.type === 'error' && frame.clientMessageId) {
        state.waitingSince = null; // answered, if not accepted: the socket is alive
      }
    };
    socket.onclose = function () {
      clearTimeout(watchdog);
      if (state.mode !== 'socket') { return; }
      state.welcomed = false;
      state.attempts += opened ? 0 : 1;
      setStatus(t('reconnecting'));
      var delay = Math.min(15000, 1000 * Math.pow(2, state.attempts));
      setTimeout(connect, opened ? 1000 : delay);
    };
  }

  /**
   * A socket can stay open at this end while nothing reaches the other (a mobile network that dropped the route, a
   * server that stopped without closing it): no answer to a sent message within 10 s, or to a ping within 10 s
   * after 25 s of silence, and the widget drops the socket and reconnects; the outbox goes out again (same client
   * message ids, so nothing is stored twice).
   */
  function checkSocket() {
    if (state.mode !== 'socket' || !state.welcomed || !state.socket) { return; }
    var at = now();
    if ((state.waitingSince && state.outbox.length && at - state.waitingSince > 10000)
        || (state.pingSentAt && at - state.pingSentAt > 10000)) {
      var silent = state.socket;
      silent.onclose = null; silent.onmessage = null; silent.onopen = null;
      try { silent.close(); } catch (e) { /* already closing */ }
      state.welcomed = false;
      state.waitingSince = null;
      state.pingSentAt = null;
      ui.host.setAttribute('data-reconnects', String(parseInt(ui.host.getAttribute('data-reconnects') || '0', 10) + 1));
      setStatus(t('reconnecting'));
      connect();
    } else if (!state.pingSentAt && at - state.lastHeard > 25000 && state.socket.readyState === 1) {
      state.pingSentAt = at;
      state.socket.send(JSON.stringify({ type: 'ping' }));
    }
  }

  function startPolling() {
    state.mode = 'poll';
    setStatus(t('fallback'));
    request('POST', '/api/v1/chat/conversations', { language: document.documentElement.lang || 'en',
      email: state.visitorEmail || null }, function (conversation) {
      welcomed(conversation.id, null);
      poll();
    }, function (status) {
      if (status === 401) { forgetIdentity(); } else { setTimeout(startPolling, 5000); }
    });
  }

  function poll() {
    if (state.polling) { return; }
    state.polling = true;
    request('GET', '/api/v1/chat/conversations/' + state.conversationId + '/messages?after=' + state.lastSeq + '&waitSeconds=25', null,
      function (messages) {
        state.polling = false;
        for (var i = 0; messages && i < messages.length; i++) { received(messages[i]); }
        poll();
      },
      function () { state.polling = false; setTimeout(poll, 3000); });
  }

  function welcomed(conversationId, readByOther) {
    if (state.conversationId !== conversationId) {
      state.conversationId = conversationId;
      store.set('wd_conversation', String(conversationId));
      state.lastSeq = parseInt(store.get('wd_last_seq_' + conversationId) || '0', 10);
    }
    state.welcomed = true;
    ui.list.removeAttribute('aria-busy');
    if (readByOther) { state.readByOther = readByOther; }
    ui.transcript.removeAttribute('hidden');
    // Knowing whether anyone can chat decides how queued messages go out.
    availability(flushOutbox);
  }

  function availability(then) {
    request('GET', '/api/v1/chat/availability?lang=' + encodeURIComponent(document.documentElement.lang || 'en'), null, function (data) {
      state.offline = !(data && (data.agentsOnline > 0 || data.assistant));
      if (!state.leftMessage) {
        var status = state.offline ? t('offline') : (data.agentsOnline > 0 ? t('online') : t('assistant'));
        // The same answer the assistant gives: when a person is back, in WIB (or the customer's zone).
        if (data && data.humanAnswer === 'OFF_DUTY' && data.nextOpeningText) { status += ' ' + t('offDuty', data.nextOpeningText); }
        setStatus(status);
      }
      ui.host.setAttribute('data-agents-online', data ? String(data.agentsOnline) : '0');
      ui.host.setAttribute('data-human-answer', (data && data.humanAnswer) || '');
      if (then) { then(); }
    }, function () { state.offline = true; setStatus(t('offline')); if (then) { then(); } });
  }

  // ---- identity -------------------------------------------------------------------------------------
  function begin() {
    ui.prechat.setAttribute('hidden', 'hidden');
    ui.form.removeAttribute('hidden');
    state.conversationId = parseInt(store.get('wd_conversation') || '0', 10) || null;
    state.lastSeq = state.conversationId ? parseInt(store.get('wd_last_seq_' + state.conversationId) || '0', 10) : 0;
    // A fresh page has no messages on screen: replay the conversation from the start. The box is usable now;
    // the history arrives after the socket's welcome (aria-busy until then).
    state.lastSeq = 0;
    ui.list.setAttribute('aria-busy', 'true');
    for (var i = 0; i < state.outbox.length; i++) {
      render({ clientMessageId: state.outbox[i].clientMessageId, body: state.outbox[i].body }, true);
    }
    connect();
  }

  function startAsVisitor() {
    var name = ui.name.value.replace(/^\s+|\s+$/g, '');
    if (!name) { ui.name.focus(); return; }
    state.visitorEmail = ui.email.value || null;
    store.set('wd_visitor_email', state.visitorEmail || '');
    request('POST', '/api/v1/chat/visitors', { name: name, email: ui.email.value || null,
      language: document.documentElement.lang || 'en' }, function (data) {
      state.token = data.token;
      store.set('wd_chat_token', data.token);
      begin();
    }, function () { setStatus(t('error')); });
  }

  function forgetIdentity() {
    store.remove('wd_chat_token');
    store.remove('wd_conversation');
    state.token = null;
    state.conversationId = null;
    state.mode = 'none';
    if (state.socket) { try { state.socket.close(); } catch (e) { /* ignore */ } }
    ui.form.setAttribute('hidden', 'hidden');
    ui.prechat.removeAttribute('hidden');
  }

  /** Screenshots and PDFs go up over plain HTTP in either transport mode; the message comes back as usual. */
  function upload() {
    if (!ui.file.files || !ui.file.files.length || !state.conversationId || !window.FormData) { return; }
    var data = new FormData();
    data.append('file', ui.file.files[0]);
    data.append('clientMessageId', newId());
    var xhr = new XMLHttpRequest();
    xhr.open('POST', base + '/api/v1/chat/conversations/' + state.conversationId + '/attachments', true);
    xhr.setRequestHeader('X-Chat-Token', state.token);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      if (xhr.status >= 400) {
        try { setStatus(JSON.parse(xhr.responseText).detail); } catch (e) { setStatus(t('error')); }
      } else if (state.mode === 'poll') { poll(); }
      ui.file.value = '';
    };
    xhr.send(data);
  }

  function downloadTranscript() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', base + '/api/v1/chat/conversations/' + state.conversationId + '/transcript', true);
    xhr.setRequestHeader('X-Chat-Token', state.token);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4 || xhr.status !== 200) { return; }
      var blob = new Blob([xhr.responseText], { type: 'text/plain;charset=utf-8' });
      var link = el('a', { href: URL.createObjectURL(blob), download: 'walletdesk-transcript.txt' });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
    };
    xhr.send(null);
  }

  /**
   * On a slow network every round trip counts: the texts and the signed-in check go out together, the message
   * box is shown as soon as both are back, and the conversation's history follows over the socket (the box
   * works meanwhile: what is typed waits in the outbox).
   */
  function init() {
    loadOutbox();
    setInterval(checkSocket, 2000);
    var hostEl = document.getElementById('walletdesk-chat');
    var lang = (hostEl && hostEl.getAttribute('data-lang')) || document.documentElement.lang || 'en';
    var signedIn = null;
    var waiting = sameOrigin ? 2 : 1;
    var arrived = function () { waiting -= 1; if (waiting === 0) { start(); } };
    request('GET', '/api/v1/chat/texts?lang=' + encodeURIComponent(lang), null,
      function (texts) { state.texts = texts || {}; arrived(); }, function () { state.texts = {}; arrived(); });
    if (sameOrigin) {
      request('GET', '/chat/token', null, function (data, status) {
        if (status === 200 && data && data.token) { signedIn = data; }
        arrived();
      }, arrived);
    }

    function start() {
      build();
      var given = hostEl && hostEl.getAttribute('data-token');
      if (given) {
        // Opened from an e-mailed link: this device takes over the visitor's conversation.
        store.set('wd_chat_token', given);
        store.remove('wd_conversation');
      }
      if (!signedIn) {
        var saved = store.get('wd_chat_token');
        if (saved) { state.token = saved; state.visitorEmail = store.get('wd_visitor_email') || null; begin(); } else { ui.prechat.removeAttribute('hidden'); setStatus(''); }
        return;
      }
      var data = signedIn;
      state.token = data.token;
      state.staff = !!data.staff;
      var visitorToken = store.get('wd_chat_token');
      var continueAs = function (adopted) {
        store.remove('wd_chat_token');
        if (!adopted && store.get('wd_chat_owner') !== data.name) { store.remove('wd_conversation'); }
        store.set('wd_chat_owner', data.name);
        begin();
      };
      if (visitorToken && !data.staff) {
        // Chatted anonymously, then signed in or registered: the same conversation continues in the account.
        request('POST', '/api/v1/chat/adopt', null, function (result) { continueAs(result && result.conversations > 0); },
          function () { continueAs(false); }, { 'X-Visitor-Token': visitorToken });
      } else {
        continueAs(false);
      }
    }
  }

  window.addEventListener('online', function () { if (state.mode === 'socket' && !state.welcomed) { connect(); } });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
