/*
 * Live updates on the agent's conversation page: new customer messages appear without reloading, the
 * customer's typing shows, and replies go over the same WebSocket. Without JavaScript the page's plain
 * form still works.
 */
(function () {
  'use strict';
  var list = document.getElementById('messages');
  var form = document.getElementById('agent-reply');
  if (!list || !window.WebSocket || !window.JSON) { return; }
  var conversationId = parseInt(list.getAttribute('data-conversation-id'), 10);
  var lastSeq = parseInt(list.getAttribute('data-last-seq') || '0', 10);
  var token = null;
  var socket = null;
  var typingLine = document.createElement('p');
  typingLine.className = 'hint';
  typingLine.id = 'customer-typing';
  typingLine.setAttribute('aria-live', 'polite');
  list.parentNode.insertBefore(typingLine, list.nextSibling);

  // Live messages show their time as the server-rendered ones do: in the staff member's zone, with its name (WIB).
  function shownTime(iso) {
    var zone = list.dataset.zone || 'Asia/Jakarta';
    try {
      return new Date(iso).toLocaleString(document.documentElement.lang || undefined,
          { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }) + ' ' + (list.dataset.zoneName || zone);
    } catch (unsupported) { // an old browser without time-zone support: say UTC rather than guess
      return new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    }
  }

  function append(message) {
    if (message.seq <= lastSeq) { return; }
    lastSeq = message.seq;
    var item = document.createElement('li');
    item.className = 'message ' + (message.internalNote ? 'note' : (message.author === 'customer' ? 'theirs' : 'mine'));
    var meta = document.createElement('p');
    meta.className = 'hint';
    var who = document.createElement('strong');
    who.textContent = message.authorName || message.author;
    meta.appendChild(who);
    meta.appendChild(document.createTextNode(' · ' + shownTime(message.createdAt)));
    var body = document.createElement('p');
    body.className = 'body';
    body.textContent = message.body;
    item.appendChild(meta);
    item.appendChild(body);
    list.appendChild(item);
    item.scrollIntoView(false);
    if (message.author === 'customer') {
      typingLine.textContent = '';
      socket.send(JSON.stringify({ type: 'read', seq: message.seq }));
    }
  }

  function connect() {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/ws');
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'hello', token: token, conversationId: conversationId, lastSeq: lastSeq }));
    };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'message') { append(frame.message); }
      if (frame.type === 'typing') {
        typingLine.textContent = frame.from + ' …';
        setTimeout(function () { typingLine.textContent = ''; }, 4000);
      }
    };
    socket.onclose = function () { setTimeout(connect, 2000); };
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      var note = form.querySelector('input[name=note]');
      var text = form.querySelector('textarea');
      if (!socket || socket.readyState !== 1 || (note && note.checked) || !text.value.trim()) { return; }
      event.preventDefault();
      socket.send(JSON.stringify({ type: 'send', clientMessageId: 'a-' + Date.now() + '-' + Math.random().toString(16).slice(2),
        body: text.value }));
      text.value = '';
    });
    form.querySelector('textarea').addEventListener('input', function () {
      if (socket && socket.readyState === 1) { socket.send(JSON.stringify({ type: 'typing' })); }
    });
  }

  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/chat/token', true);
  xhr.onreadystatechange = function () {
    if (xhr.readyState === 4 && xhr.status === 200) {
      token = JSON.parse(xhr.responseText).token;
      connect();
      // A heartbeat keeps the agent's chosen availability fresh; it never chooses one for them (issue 13).
      setInterval(function () {
        if (socket && socket.readyState === 1) { socket.send(JSON.stringify({ type: 'ping' })); }
      }, 60000);
    }
  };
  xhr.send(null);
})();
