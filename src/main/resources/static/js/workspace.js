/*
 * The agent workspace without page loads: the server renders every fragment, this script only fetches and swaps
 * them. List links open the conversation in place; forms marked data-inplace post with fetch and swap the fragment
 * the server answers with; the list hears of new and changed conversations over the chat WebSocket; the composer
 * sends on Enter, keeps a draft per conversation and searches canned responses after "/". Keys: j/k, r, n, a, e,
 * /, ?. Without JavaScript every link and form still works as a plain page.
 */
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main || !window.fetch || !window.DOMParser) { return; }
  var announce = document.getElementById('ws-announce');
  main.classList.add('js-on');
  var FETCH = { 'X-Requested-With': 'fetch' };
  var token = null;
  var openSocket = null;
  var canned = null;
  var cannedList = null;

  function t(name, arg) {
    var text = main.getAttribute('data-t-' + name) || '';
    return text.replace('{0}', arg === undefined ? '' : arg);
  }

  function say(text) {
    announce.textContent = '';
    setTimeout(function () { announce.textContent = text; }, 50);
  }

  function parse(html) {
    return new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html').body.firstElementChild;
  }

  function swap(id, html) {
    var old = document.getElementById(id);
    var fresh = parse(html);
    if (old && fresh) { old.replaceWith(fresh); }
    return fresh;
  }

  function conversationId() {
    var pane = document.getElementById('ws-conversation');
    return pane ? pane.getAttribute('data-conversation-id') : null;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#ws-rows .ws-row'));
  }

  function markCurrent() {
    var id = conversationId();
    rows().forEach(function (row) {
      var link = row.querySelector('.ws-row-link');
      if (row.getAttribute('data-id') === id) { link.setAttribute('aria-current', 'true'); } else { link.removeAttribute('aria-current'); }
    });
  }

  /* Opens a conversation in the middle and right panes, and says so in the address bar. */
  function open(id, push) {
    return fetch('/staff/workspace/conversations/' + id, { headers: FETCH, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        swap('ws-open', html);
        main.classList.add('ws-has-open');
        if (push) { history.pushState({ c: id }, '', '/staff/workspace?c=' + id); }
        canned = null;
        cannedList = null;
        wireConversation();
        markCurrent();
        refreshRow(id);
      })
      .catch(function () { say(t('failed')); });
  }

  function refreshRow(id) {
    return fetch('/staff/workspace/conversations/' + id + '/row', { headers: FETCH, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var list = document.getElementById('ws-rows');
        var fresh = parse(html);
        var old = document.getElementById('row-' + id);
        if (old) {
          var ticked = old.querySelector('input[name=ids]').checked;
          old.replaceWith(fresh);
          fresh.querySelector('input[name=ids]').checked = ticked;
        } else if (list) {
          list.insertBefore(fresh, list.firstChild);
        }
        markCurrent();
      });
  }

  /* Posts a form with fetch and puts the fragment the server answers in place of the element it names. */
  function submitInPlace(form) {
    var target = form.getAttribute('data-inplace');
    return fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: FETCH,
      credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        var fresh = swap(target, html);
        if (target === 'ws-properties' && conversationId()) { refreshRow(conversationId()); }
        if (target === 'ws-list') { markCurrent(); }
        return fresh;
      })
      .catch(function () { say(t('failed')); });
  }

  function post(path, fields, target) {
    var form = document.createElement('form');
    var csrf = document.querySelector('input[name=_csrf]');
    form.action = path;
    form.setAttribute('data-inplace', target);
    Object.keys(fields).concat(csrf ? ['_csrf'] : []).forEach(function (name) {
      var input = document.createElement('input');
      input.name = name;
      input.value = name === '_csrf' ? csrf.value : fields[name];
      form.appendChild(input);
    });
    return submitInPlace(form);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('data-inplace')) {
      event.preventDefault();
      submitInPlace(form);
    } else if (form.id === 'ws-composer') {
      event.preventDefault();
      send();
    } else if (form.classList.contains('ws-search')) {
      event.preventDefault();
      var q = form.querySelector('input[name=q]').value;
      fetch('/staff/workspace?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          document.getElementById('ws-list').replaceWith(doc.getElementById('ws-list'));
          markCurrent();
        });
    }
  });

  document.addEventListener('change', function (event) {
    var field = event.target;
    if (field.hasAttribute('data-autosubmit') && field.form) {
      submitInPlace(field.form);
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.ws-row-link, .ws-views a');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    if (link.classList.contains('ws-row-link')) {
      open(link.closest('.ws-row').getAttribute('data-id'), true);
    } else {
      fetch(link.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        document.getElementById('ws-list').replaceWith(doc.getElementById('ws-list'));
        markCurrent();
      });
    }
  });

  window.addEventListener('popstate', function () {
    var c = new URLSearchParams(location.search).get('c');
    if (c) { open(c, false); }
  });

  /* ---- The composer ---- */

  function draftKey() { return 'wd-draft-' + conversationId(); }

  function send() {
    var form = document.getElementById('ws-composer');
    var text = document.getElementById('reply');
    if (!text.value.trim()) { return; }
    var note = document.getElementById('ws-note');
    var fields = { body: text.value, note: note.checked ? 'true' : 'false',
      clientMessageId: 'w-' + Date.now() + '-' + Math.random().toString(16).slice(2) };
    text.value = '';
    localStorage.removeItem(draftKey());
    post(form.action, fields, 'messages').then(function () {
      var list = document.getElementById('messages');
      if (list && list.lastElementChild) { list.lastElementChild.scrollIntoView(false); }
      say(t('sent'));
    });
  }

  /* One request per conversation, however fast the agent types. */
  function loadCanned() {
    if (!canned) {
      canned = fetch('/staff/workspace/conversations/' + conversationId() + '/canned', { credentials: 'same-origin' })
        .then(function (r) { return r.json(); });
    }
    return canned;
  }

  function cannedMatches(query) {
    var q = query.toLowerCase();
    return (cannedList || []).filter(function (c) {
      return (c.shortcut + ' ' + c.title + ' ' + c.body).toLowerCase().indexOf(q) >= 0;
    });
  }

  function showCanned(text) {
    var box = document.getElementById('ws-canned');
    var list = document.getElementById('ws-canned-list');
    if (text.charAt(0) !== '/' || text.indexOf('\n') >= 0) { box.hidden = true; return; }
    loadCanned().then(function (loaded) {
      cannedList = loaded;
      // The agent may have typed on, or picked an answer, while the list was loading: show what fits now.
      var current = document.getElementById('reply');
      if (!current || current.value !== text) { return; }
      var found = cannedMatches(text.slice(1));
      list.innerHTML = '';
      found.slice(0, 6).forEach(function (c, i) {
        var item = document.createElement('li');
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', i === 0 ? 'true' : 'false');
        item.textContent = '/' + c.shortcut + ' · ' + c.title;
        item.addEventListener('mousedown', function (e) { e.preventDefault(); insertCanned(c); });
        list.appendChild(item);
      });
      if (!found.length) {
        var none = document.createElement('li');
        none.textContent = t('nocanned');
        list.appendChild(none);
      }
      box.hidden = false;
    });
  }

  function insertCanned(c) {
    var text = document.getElementById('reply');
    text.value = c.body;
    document.getElementById('ws-canned').hidden = true;
    localStorage.setItem(draftKey(), text.value);
    text.focus();
  }

  function wireConversation() {
    var text = document.getElementById('reply');
    if (!text) { return; }
    var saved = localStorage.getItem(draftKey());
    if (saved && !text.value) { text.value = saved; }
    text.addEventListener('input', function () {
      localStorage.setItem(draftKey(), text.value);
      showCanned(text.value);
      if (openSocket && openSocket.readyState === 1) { openSocket.send(JSON.stringify({ type: 'typing' })); }
    });
    text.addEventListener('keydown', function (event) {
      var box = document.getElementById('ws-canned');
      if (event.key === 'Escape' && !box.hidden) { box.hidden = true; event.preventDefault(); return; }
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) { return; }
      event.preventDefault();
      if (/^\/[^\n]{0,40}$/.test(text.value)) {
        // "/words" then Enter: the best canned response, once the list is there; nothing matching sends as typed.
        loadCanned().then(function (list) {
          cannedList = list;
          var first = cannedMatches(text.value.slice(1))[0];
          if (first) { insertCanned(first); } else { send(); }
        });
        return;
      }
      send();
    });
    var messages = document.getElementById('messages');
    if (messages && messages.lastElementChild) { messages.lastElementChild.scrollIntoView(false); }
    connectConversation();
    wireDrops(text);
  }

  /* Drag and drop or paste a file into the composer: it goes up as an attachment of the conversation. */
  function wireDrops(text) {
    function upload(file) {
      if (!file || !token) { return; }
      var data = new FormData();
      data.append('file', file, file.name || 'pasted.png');
      fetch('/api/v1/chat/conversations/' + conversationId() + '/attachments',
        { method: 'POST', body: data, headers: { 'X-Chat-Token': token }, credentials: 'omit' })
        .then(function (r) { say(r.ok ? t('sent') : t('failed')); });
    }
    text.addEventListener('dragover', function (e) { e.preventDefault(); });
    text.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); upload(e.dataTransfer.files[0]); }
    });
    text.addEventListener('paste', function (e) {
      var items = e.clipboardData ? e.clipboardData.files : [];
      if (items && items.length) { e.preventDefault(); upload(items[0]); }
    });
  }

  /* ---- Live updates ---- */

  /* A new message: the server renders the list again (times in the agent's zone, attachment links). */
  var refreshing = null;
  var again = false;
  function refreshMessages(seq) {
    var list = document.getElementById('messages');
    var id = conversationId();
    if (!list || !id || list.querySelector('[data-seq="' + seq + '"]')) { return; }
    if (refreshing) { again = true; return; }
    refreshing = fetch('/staff/workspace/conversations/' + id + '/messages', { headers: FETCH, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        refreshing = null;
        if (!html || conversationId() !== id) { again = false; return; }
        var fresh = swap('messages', html);
        if (fresh && fresh.lastElementChild) {
          fresh.lastElementChild.scrollIntoView(false);
          // The list is swapped whole, which screen readers may not read out: say it in the status region.
          if (fresh.lastElementChild.classList.contains('theirs')) {
            say(t('new', fresh.lastElementChild.querySelector('strong').textContent));
          }
          if (openSocket && openSocket.readyState === 1) {
            openSocket.send(JSON.stringify({ type: 'read', seq: parseInt(fresh.lastElementChild.getAttribute('data-seq'), 10) }));
          }
        }
        // Messages announced while this request ran: fetch once more.
        if (again) { again = false; refreshMessages(-1); }
      })
      .catch(function () { refreshing = null; });
  }

  function socketUrl() { return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/ws'; }

  function connectConversation() {
    if (openSocket) { openSocket.onclose = null; openSocket.close(); openSocket = null; }
    var id = conversationId();
    var list = document.getElementById('messages');
    if (!id || !token || !window.WebSocket) { return; }
    var socket = new WebSocket(socketUrl());
    openSocket = socket;
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'hello', token: token, conversationId: parseInt(id, 10),
        lastSeq: parseInt(list.getAttribute('data-last-seq') || '0', 10) }));
    };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'message') { refreshMessages(frame.message.seq); }
    };
    socket.onclose = function () { if (openSocket === socket) { setTimeout(connectConversation, 2000); } };
  }

  function watchInbox() {
    if (!window.WebSocket) { return; }
    var socket = new WebSocket(socketUrl());
    socket.onopen = function () { socket.send(JSON.stringify({ type: 'watch', token: token })); };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type !== 'inbox') { return; }
      var id = String(frame.conversationId);
      refreshRow(id).then(function () {
        var row = document.getElementById('row-' + id);
        var name = row ? row.querySelector('.ws-name').textContent : id;
        say(frame.kind === 'message' && id !== conversationId() ? t('new', name) : t('updated'));
      });
    };
    socket.onclose = function () { setTimeout(watchInbox, 2000); };
  }

  fetch('/chat/token', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (body) {
      if (!body) { return; }
      token = body.token;
      main.setAttribute('data-live', 'connecting');
      watchInbox();
      connectConversation();
    });

  /* ---- Keyboard ---- */

  function typing(target) {
    return /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) || target.isContentEditable;
  }

  function step(delta) {
    var all = rows();
    if (!all.length) { return; }
    var ids = all.map(function (r) { return r.getAttribute('data-id'); });
    var at = ids.indexOf(conversationId());
    var next = all[Math.max(0, Math.min(all.length - 1, at < 0 ? 0 : at + delta))];
    next.querySelector('.ws-row-link').focus();
    open(next.getAttribute('data-id'), true);
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var id = conversationId();
    var text = document.getElementById('reply');
    switch (event.key) {
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'r': if (text) { document.getElementById('ws-note').checked = false; text.focus(); } break;
      case 'n': if (text) { document.getElementById('ws-note').checked = true; text.focus(); } break;
      case 'a': if (id) { post('/staff/workspace/conversations/' + id + '/properties', { assignee: 'me' }, 'ws-properties'); } break;
      case 'e': if (id) { post('/staff/workspace/conversations/' + id + '/properties', { status: 'RESOLVED' }, 'ws-properties'); } break;
      case '/': document.getElementById('ws-q').focus(); break;
      case '?': var keys = document.getElementById('ws-keys'); if (keys.showModal) { keys.showModal(); } break;
      default: return;
    }
    event.preventDefault();
  });

  wireConversation();
  markCurrent();
})();
