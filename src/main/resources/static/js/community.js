// Community: while a customer writes a topic's title, help articles that may already answer it appear below
// (deflection). Progressive enhancement only: without JavaScript the server suggests them on submit.
(function () {
  'use strict';
  var title = document.getElementById('topic-title');
  var box = document.getElementById('live-suggestions');
  var form = document.getElementById('topic-form');
  var language = document.getElementById('topic-language');
  if (!title || !box || !form || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = '';

  function show(hits) {
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    if (!hits.length) {
      box.hidden = true;
      return;
    }
    var heading = document.createElement('p');
    heading.className = 'hint';
    heading.textContent = box.getAttribute('data-heading');
    var list = document.createElement('ul');
    list.className = 'help-list';
    hits.forEach(function (hit) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/community/deflect/' + encodeURIComponent(hit.slug) + '?lang=' + encodeURIComponent(hit.language);
      link.textContent = hit.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
    box.hidden = false;
  }

  function ask() {
    var q = title.value.trim();
    var lang = language ? language.value : (form.getAttribute('data-lang') || '');
    if (q.length < 4 || q === asked) {
      return;
    }
    asked = q;
    fetch('/api/v1/public/help/search?limit=3&q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(lang),
      { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (result) { if (title.value.trim() === q) { show(result.hits || []); } })
      .catch(function () { /* suggestions are a help, never a hindrance */ });
  }

  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
}());
