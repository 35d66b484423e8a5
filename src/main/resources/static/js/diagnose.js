/*
 * WalletDesk self-diagnosis. Plain ES5 on purpose: no build step, runs on old phone browsers.
 * The server-rendered page already shows what the server knows; this script measures the rest in the
 * browser, fills in the results table, then stores the results and shows the report id.
 */
(function () {
  'use strict';

  var data = document.getElementById ? document.getElementById('diag-data') : null;
  if (!data || !window.XMLHttpRequest || !window.JSON) {
    return; /* too old for the browser checks: the server-side facts and the plain form remain */
  }

  function text(name) {
    return data.getAttribute('data-' + name) || '';
  }

  var results = [];
  var progress = document.getElementById('diag-progress');

  function setText(el, value) {
    if (!el) {
      return;
    }
    if ('textContent' in el) {
      el.textContent = value;
    } else {
      el.innerText = value;
    }
  }

  function now() {
    return new Date().getTime();
  }

  function record(id, outcome, value) {
    results.push({ id: id, outcome: outcome, value: value });
    var row = document.getElementById('check-' + id);
    if (!row) {
      return;
    }
    row.setAttribute('data-outcome', outcome);
    row.className = 'diag-' + outcome;
    var badge = document.getElementById('check-' + id + '-outcome');
    badge.className = outcome === 'pass' ? 'badge badge-ok' : (outcome === 'fail' ? 'badge badge-danger' : 'badge');
    setText(badge, text('outcome-' + outcome));
    setText(document.getElementById('check-' + id + '-value'), value);
    var advice = document.getElementById('check-' + id + '-advice');
    setText(advice, advice.getAttribute('data-advice-' + outcome) || '');
  }

  function request(method, url, body, timeoutMs, done) {
    var xhr = new XMLHttpRequest();
    var finished = false;
    var timer = setTimeout(function () {
      if (!finished) {
        finished = true;
        try { xhr.abort(); } catch (ignored) { /* old browsers */ }
        done(0, null, 'timeout');
      }
    }, timeoutMs);
    xhr.onreadystatechange = function () {
      if (xhr.readyState === 4 && !finished) {
        finished = true;
        clearTimeout(timer);
        done(xhr.status, xhr, xhr.status === 0 ? 'error' : null);
      }
    };
    xhr.open(method, url, true);
    xhr.setRequestHeader('Cache-Control', 'no-store');
    if (body !== null) {
      xhr.setRequestHeader('Content-Type', 'application/json');
      var csrf = document.getElementById('diag-csrf');
      if (csrf) {
        /* The cookie repository expects X-XSRF-TOKEN; X-CSRF-TOKEN too, should the session repository be in use. */
        xhr.setRequestHeader('X-XSRF-TOKEN', csrf.value);
        xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
      }
    }
    xhr.send(body);
  }

  function median(values) {
    var sorted = values.slice(0).sort(function (a, b) { return a - b; });
    return sorted[Math.floor(sorted.length / 2)];
  }

  function seconds(ms) {
    return Math.round(Math.abs(ms) / 100) / 10;
  }

  function checkOnline(next) {
    if (typeof navigator.onLine === 'boolean') {
      record('online', navigator.onLine ? 'pass' : 'fail', navigator.onLine ? text('online') : text('offline'));
    } else {
      record('online', 'warn', text('unknown'));
    }
    next();
  }

  /* Five no-store requests; the median round trip, and the clock skew from the fastest one. */
  function checkHttps(next) {
    var times = [];
    var skews = [];
    var failures = 0;
    var secure = window.location.protocol === 'https:';
    function one(i) {
      if (i >= 5) {
        finish();
        return;
      }
      var started = now();
      request('GET', text('ping') + '?n=' + i + '&t=' + started, null, 8000, function (status, xhr) {
        var ended = now();
        if (status === 204 || status === 200) {
          times.push(ended - started);
          var server = parseInt(xhr.getResponseHeader('X-Server-Time'), 10);
          if (isNaN(server)) {
            var date = Date.parse(xhr.getResponseHeader('Date'));
            server = isNaN(date) ? NaN : date + 500;
          }
          if (!isNaN(server)) {
            skews.push({ rtt: ended - started, skew: server - (started + ended) / 2 });
          }
        } else {
          failures++;
        }
        one(i + 1);
      });
    }
    function finish() {
      if (times.length === 0) {
        record('https', 'fail', text('error'));
        record('clock', 'skip', '');
        next();
        return;
      }
      var m = median(times);
      var outcome = failures > 0 || m > 1500 ? 'warn' : 'pass';
      record('https', outcome, m + ' ' + text('ms') + (secure ? ' (HTTPS)' : ' (HTTP)') + (failures > 0 ? ', ' + failures + '/5 ' + text('error') : ''));
      checkClock(skews);
      next();
    }
    one(0);
  }

  function checkClock(samples) {
    if (samples.length === 0) {
      record('clock', 'warn', text('unknown'));
      return;
    }
    samples.sort(function (a, b) { return a.rtt - b.rtt; });
    var skew = samples[0].skew; /* server minus device: positive means the device is behind */
    var label = Math.abs(skew) < 1000 ? '< 1 s' : seconds(skew) + ' s ' + (skew > 0 ? text('behind') : text('ahead'));
    record('clock', Math.abs(skew) > 30000 ? 'warn' : 'pass', label);
  }

  function checkWebSocket(next) {
    if (!window.WebSocket) {
      record('websocket', 'fail', text('unsupported'));
      next();
      return;
    }
    var url = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + text('socket');
    var started = now();
    var opened = 0;
    var done = false;
    var socket;
    function finish(outcome, value) {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      try { socket.close(); } catch (ignored) { /* already closed */ }
      record('websocket', outcome, value);
      next();
    }
    var timer = setTimeout(function () {
      finish(opened ? 'warn' : 'fail', text('timeout'));
    }, 6000);
    try {
      socket = new WebSocket(url);
    } catch (e) {
      finish('fail', text('error'));
      return;
    }
    socket.onopen = function () {
      opened = now();
      socket.send('{"type":"ping"}');
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { frame = {}; }
      if (frame.type === 'pong') {
        var ended = now();
        finish('pass', (opened - started) + ' + ' + (ended - opened) + ' ' + text('ms'));
      }
    };
    socket.onerror = function () {
      finish('fail', text('error'));
    };
    socket.onclose = function () {
      finish('fail', text('error'));
    };
  }

  function checkPolling(next) {
    var started = now();
    request('GET', text('poll') + '?t=' + started, null, 12000, function (status, xhr, problem) {
      var elapsed = now() - started;
      if (status === 200) {
        record('polling', elapsed > 5000 ? 'warn' : 'pass', elapsed + ' ' + text('ms'));
      } else {
        record('polling', 'fail', problem === 'timeout' ? text('timeout') : text('error') + ' ' + status);
      }
      next();
    });
  }

  function checkCookies(next) {
    var enabled = navigator.cookieEnabled;
    try {
      document.cookie = 'wd_diag=1; path=/; SameSite=Lax';
      enabled = document.cookie.indexOf('wd_diag=1') >= 0;
      document.cookie = 'wd_diag=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    } catch (e) {
      enabled = false;
    }
    record('cookies', enabled ? 'pass' : 'fail', enabled ? text('enabled') : text('disabled'));
    next();
  }

  function checkStorage(next) {
    var enabled = false;
    try {
      window.localStorage.setItem('wd_diag', '1');
      enabled = window.localStorage.getItem('wd_diag') === '1';
      window.localStorage.removeItem('wd_diag');
    } catch (e) {
      enabled = false;
    }
    record('storage', enabled ? 'pass' : 'warn', enabled ? text('enabled') : text('disabled'));
    next();
  }

  function save() {
    setText(progress, text('saving'));
    var body = JSON.stringify({ checks: results });
    request('POST', text('report'), body, 15000, function (status, xhr) {
      var answer = null;
      if (status === 201 || status === 200) {
        try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      }
      if (!answer || !answer.reportId) {
        setText(progress, text('save-failed') + ' (HTTP ' + status + ')');
        progress.setAttribute('data-status', String(status));
        if (xhr && xhr.responseText) {
          progress.setAttribute('data-response', xhr.responseText.substring(0, 300));
        }
        return;
      }
      setText(document.getElementById('diag-report-id'), answer.reportId);
      var link = document.getElementById('diag-attach');
      link.setAttribute('href', answer.attachUrl);
      link.className = 'button';
      setText(progress, '');
      progress.className = 'visually-hidden';
    });
  }

  function run(steps) {
    var i = 0;
    function next() {
      if (i < steps.length) {
        var step = steps[i++];
        setTimeout(function () { step(next); }, 0);
      } else {
        save();
      }
    }
    next();
  }

  setText(progress, text('running'));
  run([checkOnline, checkHttps, checkWebSocket, checkPolling, checkCookies, checkStorage]);
}());
