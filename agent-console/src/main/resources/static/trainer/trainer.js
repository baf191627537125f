/*
 * The trainer workspace: edit the draft, see why the bot answers, keep regression cases, publish and roll back,
 * learn from misses, import and export. Vanilla JS, no build step; data only ever goes into textContent.
 */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var csrf = null;
  var me = { roles: [] };
  var TYPES = ['bargain', 'skeptic', 'cautious', 'urgent', 'angry'];
  var TYPE_NAMES = { bargain: '砍价型', skeptic: '怀疑型', cautious: '谨慎型', urgent: '急躁型', angry: '生气型' };
  var DECISIONS = { answer: '直接回答', suggest: '推荐问题', handoff: '转人工' };
  var KINDS = { handoff: '转人工', suggest: '低置信度推荐', suggest_ignored: '推荐被忽略' };
  var ACTIONS = {
    'script.create': '新建话术', 'script.save': '修改话术', 'script.delete': '删除话术',
    'script.phrasing_add': '添加问法', 'case.add': '新增用例', 'case.delete': '删除用例',
    'draft.approve': '审批草稿', 'draft.import': '导入', 'release.publish': '发布',
    'release.rollback': '回滚', 'release.seed': '初始版本', 'miss.dismiss': '忽略未答问题'
  };
  var FIELDS = { answer: '回复', questions: '问法', facts: '锁定事实', id: 'ID', lang: '语言', quickReplies: '快捷按钮',
    script: '话术', variants: '类型话术' };

  // ---------- helpers

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(text, cls, onClick) {
    var b = el('button', cls, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function option(value, text) {
    var o = el('option', null, text);
    o.value = value;
    return o;
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrf && method !== 'GET') headers[csrf.headerName] = csrf.token;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        if (res.status === 401) { window.location.href = '/login'; throw new Error('unauthorized'); }
        if (res.status === 204) return { ok: true, status: 204, data: null };
        return res.json().catch(function () { return null; })
          .then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
      });
  }

  function message(r) {
    return r && r.data && r.data.message ? r.data.message : '请求失败(' + (r ? r.status : '网络') + ')';
  }

  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  function debounce(fn, ms) {
    var t = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function setStatus(node, text, kind) {
    node.textContent = text || '';
    node.className = kind || '';
  }

  function findingText(f) {
    return (f.kind === 'promise' ? '绝对承诺' : '服务禁用语') + '「' + f.rule + '」'
      + (f.suggestion ? ' → 建议:' + f.suggestion : '');
  }

  function fieldName(field) {
    if (!field) return '';
    if (field.indexOf('translations.') === 0) {
      return '翻译 ' + field.substring(13, 15) + (field.length > 16 ? '·' + fieldName(field.substring(16)) : '');
    }
    if (field.indexOf('variants.') === 0) return '类型话术·' + (TYPE_NAMES[field.substring(9)] || field.substring(9));
    if (field.indexOf('quickReplies[') === 0) return '快捷按钮' + field.substring(12);
    return FIELDS[field] || field;
  }

  // ---------- tabs

  document.querySelectorAll('.tab').forEach(function (tab) {
    tab.addEventListener('click', function () { showTab(tab.id); });
  });

  function showTab(id) {
    document.querySelectorAll('.tab').forEach(function (t) {
      var on = t.id === id;
      t.classList.toggle('active', on);
      $(t.dataset.panel).classList.toggle('hidden', !on);
    });
    if (id === 'tab-releases') { loadReleases(); }
    if (id === 'tab-misses') { loadMisses(); }
    if (id === 'tab-audit') { loadAudit(); }
  }

  // ---------- who am I

  function loadMe() {
    return fetch('/api/me', { credentials: 'same-origin' }).then(function (res) {
      if (res.status === 401) { window.location.href = '/login'; throw new Error('unauthorized'); }
      return res.json();
    }).then(function (m) {
      me = m;
      csrf = m.csrf;
      $('user-name').textContent = m.name;
      $('logout-csrf').name = m.csrf.parameterName;
      $('logout-csrf').value = m.csrf.token;
    });
  }

  function mayApprove() {
    return (me.roles || []).some(function (r) { return r === 'LEAD' || r === 'ADMIN' || r === 'ROLE_LEAD' || r === 'ROLE_ADMIN'; });
  }

  // ---------- draft bar

  function loadDraft() {
    return api('GET', '/api/trainer/draft').then(function (r) {
      if (!r.ok) return;
      var d = r.data, u = d.unpublished;
      var parts = [];
      if (d.latestRelease) parts.push('线上版本 #' + d.latestRelease.number);
      if (u.empty) parts.push('没有未发布的修改');
      else parts.push('未发布:新增 ' + u.added.length + ' · 修改 ' + u.changed.length + ' · 删除 ' + u.removed.length);
      if (d.requireApproval) parts.push(d.approved ? '已审批(' + d.approvedBy + ')' : '待组长审批');
      $('draft-status').textContent = parts.join(' | ');
      $('approve-btn').classList.toggle('hidden', !(d.requireApproval && !d.approved && mayApprove()));
    });
  }

  $('approve-btn').addEventListener('click', function () {
    api('POST', '/api/trainer/draft/approve').then(function (r) {
      setStatus($('publish-status'), r.ok ? '已审批' : message(r), r.ok ? 'ok' : 'error');
      loadDraft();
    });
  });

  $('publish-check-btn').addEventListener('click', function () {
    showTab('tab-releases');
    runPublishCheck();
  });

  $('publish-btn').addEventListener('click', function () {
    var note = $('publish-note').value.trim();
    if (!note) { setStatus($('publish-status'), '请填写发布说明', 'error'); $('publish-note').focus(); return; }
    setStatus($('publish-status'), '检查并发布中…', 'busy');
    $('publish-btn').disabled = true;
    api('POST', '/api/trainer/publish', { note: note }).then(function (r) {
      $('publish-btn').disabled = false;
      if (r.ok) {
        setStatus($('publish-status'), '已发布 #' + r.data.release.number + ',已生效', 'ok');
        $('publish-note').value = '';
        refreshAll();
      } else {
        setStatus($('publish-status'), message(r), 'error');
        if (r.data && r.data.check) { showTab('tab-releases'); renderPublishCheck(r.data.check); }
      }
    }).catch(function () { $('publish-btn').disabled = false; setStatus($('publish-status'), '网络错误', 'error'); });
  });

  // ---------- script list

  var listState = { items: [] };

  function listQuery() {
    var p = new URLSearchParams();
    if ($('script-search').value.trim()) p.set('q', $('script-search').value.trim());
    if ($('filter-category').value) p.set('category', $('filter-category').value);
    if ($('filter-lang').value) p.set('lang', $('filter-lang').value);
    if ($('filter-tag').value) p.set('tag', $('filter-tag').value);
    var changed = $('filter-changed').value;
    if (changed === 'unpublished') p.set('unpublished', 'true');
    else if (changed) p.set('changedWithinDays', changed);
    return p.toString();
  }

  function loadScripts() {
    return api('GET', '/api/trainer/scripts?' + listQuery()).then(function (r) {
      if (!r.ok) return;
      listState = r.data;
      fillSelect($('filter-category'), r.data.categories, '全部分类');
      fillSelect($('filter-lang'), r.data.langs, '全部语言');
      fillSelect($('filter-tag'), r.data.tags, '全部标签');
      var dl = $('category-options');
      dl.replaceChildren();
      r.data.categories.forEach(function (c) { dl.appendChild(option(c, c)); });
      renderList();
    });
  }

  function fillSelect(select, values, allText) {
    var current = select.value;
    select.replaceChildren(option('', allText));
    values.forEach(function (v) { select.appendChild(option(v, v)); });
    select.value = values.indexOf(current) >= 0 ? current : '';
  }

  var STATUS_NAMES = { 'new': '新增', changed: '已修改', published: '' };

  function renderList() {
    var ul = $('script-list');
    ul.replaceChildren();
    listState.items.forEach(function (s) {
      var li = el('li', 'script-item' + (editing && editing.id === s.id ? ' selected' : ''));
      li.dataset.id = s.id;
      li.tabIndex = 0;
      var head = el('div', 'item-head');
      head.appendChild(el('span', 'item-id', s.id));
      if (STATUS_NAMES[s.status]) head.appendChild(el('span', 'badge ' + s.status, STATUS_NAMES[s.status]));
      li.appendChild(head);
      li.appendChild(el('div', 'item-q', s.firstQuestion));
      li.appendChild(el('div', 'item-meta', [s.category || '未分类', (s.languages || [s.lang]).join('+'),
        s.questionCount + ' 个问法',
        when(s.updatedAt) + ' ' + (s.updatedBy || '')].join(' · ')));
      li.addEventListener('click', function () { openScript(s.id); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') openScript(s.id); });
      ul.appendChild(li);
    });
    var removed = listState.removed && listState.removed.length ? ' · 已删除未发布:' + listState.removed.join('、') : '';
    $('script-count').textContent = '共 ' + listState.total + ' 条' + removed;
    fillCaseExpected();
  }

  $('script-search').addEventListener('input', debounce(loadScripts, 250));
  ['filter-category', 'filter-lang', 'filter-tag', 'filter-changed'].forEach(function (id) {
    $(id).addEventListener('change', loadScripts);
  });

  // ---------- editor

  var editing = null;   // {id, version (null = new), script, missKeys}

  function openScript(id) {
    api('GET', '/api/trainer/scripts/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) { setStatus($('save-status'), message(r), 'error'); return; }
      startEditing(r.data.script, r.data.version, null);
      $('editor-meta').textContent = '版本 ' + r.data.version + ' · ' + when(r.data.updatedAt) + ' ' + r.data.updatedBy;
    });
  }

  function startEditing(script, version, missKeys) {
    editing = { id: script.id, version: version, missKeys: missKeys };
    $('editor-empty').classList.add('hidden');
    $('script-form').classList.remove('hidden');
    $('editor-title').textContent = version === null ? '新建话术' : script.id;
    $('editor-meta').textContent = version === null ? '尚未保存' : '';
    $('script-id').value = script.id || '';
    $('script-id').readOnly = version !== null;
    $('script-lang').value = script.lang || 'zh';
    $('script-category').value = script.category || '';
    $('script-tags').value = (script.tags || []).join(', ');
    phrasings = (script.questions || []).slice();
    renderPhrasings();
    $('script-answer').value = script.answer || '';
    renderVariants(script.variants || {});
    renderPairs($('fact-list'), script.facts || {}, '名称,如 price', '值,如 99元', false);
    var qr = {};
    (script.quickReplies || []).forEach(function (q) { qr[q.label] = q.text; });
    renderPairs($('quick-list'), qr, '按钮文字', '点击后发送的话', true);
    renderTranslation(script);
    $('lint-findings').replaceChildren();
    document.querySelectorAll('.field-lint').forEach(function (u) { u.replaceChildren(); });
    setStatus($('save-status'), '');
    renderList();
    checkSoon();
  }

  var phrasings = [];

  function renderPhrasings() {
    var ul = $('phrasing-list');
    ul.replaceChildren();
    phrasings.forEach(function (q, i) {
      var li = el('li', 'phrasing');
      li.appendChild(el('span', null, q));
      li.appendChild(button('×', 'remove', function () { phrasings.splice(i, 1); renderPhrasings(); checkSoon(); }));
      ul.appendChild(li);
    });
    $('phrasing-count').textContent = phrasings.length + ' 个';
  }

  function addPhrasing() {
    var q = $('phrasing-new').value.trim();
    if (!q) return;
    if (phrasings.indexOf(q) < 0) phrasings.push(q);
    $('phrasing-new').value = '';
    renderPhrasings();
    checkSoon();
  }

  $('phrasing-add').addEventListener('click', addPhrasing);
  $('phrasing-new').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); addPhrasing(); }
  });

  // one translation is edited here: the language the script is not written in (zh <-> en); what the form does not
  // show (a translation's variants and facts) is kept as it was loaded
  var loadedTranslations = {};

  function otherLang() {
    return $('script-lang').value === 'en' ? 'zh' : 'en';
  }

  function renderTranslation(script) {
    loadedTranslations = JSON.parse(JSON.stringify(script.translations || {}));
    var t = loadedTranslations[otherLang()] || {};
    $('translation-lang').textContent = otherLang() === 'en' ? 'English en' : '中文 zh';
    $('translation-questions').value = (t.questions || []).join('\n');
    $('translation-answer').value = t.answer || '';
    var qr = {};
    (t.quickReplies || []).forEach(function (q) { qr[q.label] = q.text; });
    renderPairs($('translation-quick-list'), qr, '按钮文字', '点击后发送的话', true);
    var kept = [];
    if (t.variants && Object.keys(t.variants).length) kept.push('类型话术 ' + Object.keys(t.variants).length + ' 条');
    if (t.facts && Object.keys(t.facts).length) kept.push('锁定事实 ' + Object.keys(t.facts).length + ' 条');
    $('translation-kept').textContent = kept.length ? '另有(导入的 JSONL 里编辑):' + kept.join(';') : '';
    $('translation-kept').classList.toggle('hidden', kept.length === 0);
  }

  $('script-lang').addEventListener('change', function () {
    // keep what was typed for the language shown until now (the one the script is now written in: the check says so)
    renderTranslation({ translations: formTranslations($('script-lang').value) });
  });

  /** The translations to save: the edited one from the form, the others as loaded. */
  function formTranslations(lang) {
    var out = JSON.parse(JSON.stringify(loadedTranslations));
    var questions = $('translation-questions').value.split('\n').map(function (q) { return q.trim(); })
      .filter(function (q) { return q.length > 0; });
    var answer = $('translation-answer').value.trim();
    var quick = pairs($('translation-quick-list')).map(function (p) { return { label: p[0], text: p[1] }; });
    if (!questions.length && !answer && !quick.length) { delete out[lang]; return out; }
    var t = out[lang] || {};
    t.questions = questions;
    t.answer = answer;
    t.quickReplies = quick;
    out[lang] = t;
    return out;
  }

  function renderVariants(variants) {
    var box = $('variants');
    box.replaceChildren();
    TYPES.forEach(function (t) {
      var label = el('label', 'variant', TYPE_NAMES[t] + ' ' + t);
      var ta = el('textarea');
      ta.rows = 2;
      ta.id = 'variant-' + t;
      ta.dataset.lintField = 'variants.' + t;
      ta.value = variants[t] || '';
      ta.placeholder = '不填则用上面的回复';
      label.appendChild(ta);
      box.appendChild(label);
      var lint = el('ul', 'field-lint');
      lint.dataset.for = 'variants.' + t;
      box.appendChild(lint);
    });
  }

  function renderPairs(ul, map, keyHint, valueHint, lintValue) {
    ul.replaceChildren();
    Object.keys(map).forEach(function (k) { ul.appendChild(pairRow(k, map[k], keyHint, valueHint, lintValue)); });
  }

  function pairRow(k, v, keyHint, valueHint, lintLabel) {
    var li = el('li', 'pair');
    var a = el('input');
    a.type = 'text'; a.value = k || ''; a.placeholder = keyHint; a.className = 'pair-key';
    if (lintLabel) a.dataset.lintField = 'quickReplies';
    var b = el('input');
    b.type = 'text'; b.value = v || ''; b.placeholder = valueHint; b.className = 'pair-value';
    li.appendChild(a);
    li.appendChild(b);
    li.appendChild(button('×', 'remove', function () { li.remove(); checkSoon(); }));
    return li;
  }

  $('fact-add').addEventListener('click', function () {
    $('fact-list').appendChild(pairRow('', '', '名称,如 price', '值,如 99元', false));
  });
  $('quick-add').addEventListener('click', function () {
    $('quick-list').appendChild(pairRow('', '', '按钮文字', '点击后发送的话', true));
  });
  $('translation-quick-add').addEventListener('click', function () {
    $('translation-quick-list').appendChild(pairRow('', '', '按钮文字', '点击后发送的话', true));
  });

  function pairs(ul) {
    var out = [];
    ul.querySelectorAll('.pair').forEach(function (li) {
      var k = li.querySelector('.pair-key').value.trim(), v = li.querySelector('.pair-value').value.trim();
      if (k || v) out.push([k, v]);
    });
    return out;
  }

  function formScript() {
    var variants = {};
    TYPES.forEach(function (t) {
      var v = $('variant-' + t).value.trim();
      if (v) variants[t] = v;
    });
    var facts = {};
    pairs($('fact-list')).forEach(function (p) { facts[p[0]] = p[1]; });
    var quick = pairs($('quick-list')).map(function (p) { return { label: p[0], text: p[1] }; });
    var tags = $('script-tags').value.split(/[,,]/).map(function (t) { return t.trim(); })
      .filter(function (t) { return t.length > 0; });
    return {
      id: $('script-id').value.trim(), lang: $('script-lang').value,
      category: $('script-category').value.trim() || null, questions: phrasings.slice(),
      answer: $('script-answer').value, variants: variants, facts: facts, quickReplies: quick, tags: tags,
      translations: formTranslations(otherLang())
    };
  }

  // the lint as they type: the field being typed goes to /api/lint, the whole form to the save's own checks
  function lintField(node) {
    var field = node.dataset.lintField;
    var target = document.querySelector('.field-lint[data-for="' + field + '"]');
    if (!target) return;
    if (!node.value.trim()) { target.replaceChildren(); return; }
    api('POST', '/api/lint', { text: node.value }).then(function (r) {
      if (!r.ok) return;
      target.replaceChildren();
      r.data.findings.forEach(function (f) {
        target.appendChild(el('li', 'bad', '「' + node.value.substring(f.start, f.end) + '」' + findingText(f)));
      });
    });
  }

  var lintFieldSoon = debounce(lintField, 350);

  function renderProblems(problems) {
    var ul = $('lint-findings');
    ul.replaceChildren();
    if (!problems.length) { ul.appendChild(el('li', 'ok', '✓ 通过规范检查和锁定事实检查')); return; }
    problems.forEach(function (p) {
      if (p.findings && p.findings.length) {
        p.findings.forEach(function (f) {
          var li = el('li', 'bad', fieldName(p.field) + ':' + findingText(f));
          li.dataset.field = p.field;
          ul.appendChild(li);
        });
      } else {
        var li = el('li', 'bad', fieldName(p.field) + ':' + p.message);
        li.dataset.field = p.field;
        ul.appendChild(li);
      }
    });
  }

  var checkSoon = debounce(function () {
    if (!editing) return;
    api('POST', '/api/trainer/scripts/check', { script: formScript() }).then(function (r) {
      if (r.ok) renderProblems(r.data.problems);
    });
  }, 400);

  $('script-form').addEventListener('input', function (e) {
    if (e.target.dataset && e.target.dataset.lintField && e.target.dataset.lintField !== 'quickReplies') {
      lintFieldSoon(e.target);
    }
    checkSoon();
  });
  $('script-form').addEventListener('submit', function (e) { e.preventDefault(); });

  $('save-script').addEventListener('click', function () {
    if (!editing) return;
    var script = formScript();
    var isNew = editing.version === null;
    var body = { script: script, version: editing.version, missKeys: editing.missKeys || [] };
    setStatus($('save-status'), '保存中…', 'busy');
    var call = isNew ? api('POST', '/api/trainer/scripts', body)
      : api('PUT', '/api/trainer/scripts/' + encodeURIComponent(editing.id), body);
    call.then(function (r) {
      if (r.ok) {
        setStatus($('save-status'), '已保存到草稿(版本 ' + r.data.version + '),发布后生效', 'ok');
        editing = { id: r.data.script.id, version: r.data.version, missKeys: null };
        $('editor-title').textContent = r.data.script.id;
        $('script-id').readOnly = true;
        $('editor-meta').textContent = '版本 ' + r.data.version + ' · ' + when(r.data.updatedAt) + ' ' + r.data.updatedBy;
        loadScripts();
        loadDraft();
      } else if (r.status === 422 && r.data && r.data.problems) {
        setStatus($('save-status'), '未保存:请先修正下面的问题', 'error');
        renderProblems(r.data.problems);
      } else {
        setStatus($('save-status'), message(r), 'error');
      }
    });
  });

  $('delete-script').addEventListener('click', function () {
    if (!editing || editing.version === null) return;
    if (!window.confirm('从草稿删除「' + editing.id + '」?发布后线上也会删除。')) return;
    api('DELETE', '/api/trainer/scripts/' + encodeURIComponent(editing.id)).then(function (r) {
      if (!r.ok) { setStatus($('save-status'), message(r), 'error'); return; }
      editing = null;
      $('script-form').classList.add('hidden');
      $('editor-empty').classList.remove('hidden');
      loadScripts();
      loadDraft();
    });
  });

  $('new-script').addEventListener('click', function () {
    startEditing({ id: '', lang: 'zh', questions: [], answer: '' }, null, null);
    $('script-id').focus();
  });

  // ---------- why this answer

  function explain() {
    var text = $('explain-input').value.trim();
    if (!text) { $('explain-input').focus(); return; }
    var body = { text: text, target: $('explain-target').value };
    if ($('explain-lang').value) body.lang = $('explain-lang').value;
    $('explain-error').classList.add('hidden');
    $('explain-run').disabled = true;
    api('POST', '/api/trainer/explain', body).then(function (r) {
      $('explain-run').disabled = false;
      if (!r.ok) { $('explain-error').textContent = message(r); $('explain-error').classList.remove('hidden'); return; }
      renderExplain(r.data);
    }).catch(function () { $('explain-run').disabled = false; });
  }

  var lastExplain = null;

  function renderExplain(d) {
    var x = d.explanation;
    lastExplain = { text: $('explain-input').value.trim(), lang: $('explain-lang').value || null, result: x };
    var box = $('explain-result');
    box.replaceChildren();

    var head = el('div', 'verdict');
    var chosen = el('span', 'chosen', x.scriptId || '— 无(转人工)');
    chosen.id = 'explain-script';
    chosen.dataset.scriptId = x.scriptId || '';
    head.appendChild(el('span', 'decision ' + x.decision, DECISIONS[x.decision] || x.decision));
    head.appendChild(chosen);
    head.appendChild(el('span', 'meta', d.target === 'live' ? '线上' : '草稿'));
    box.appendChild(head);

    var t = d.thresholds;
    var facts = el('dl', 'facts');
    function fact(k, v) { facts.appendChild(el('dt', null, k)); facts.appendChild(el('dd', null, v)); }
    var second = x.candidates.length > 1 ? x.candidates[1].score : 0;
    fact('置信度', Number(x.score).toFixed(3) + '(回答 ≥ ' + t.answer.toFixed(2) + ' 且领先第二名 ≥ '
      + t.margin.toFixed(2) + ',当前领先 ' + (x.score - second).toFixed(3) + ';推荐 ≥ ' + t.suggest.toFixed(2) + ')');
    if (x.handoffReason) fact('转人工原因', x.handoffReason);
    fact('顾客类型', x.customerType ? (TYPE_NAMES[x.customerType] || x.customerType)
      + (x.cues.length ? '(线索:' + x.cues.join('、') + ')' : '') : '普通');
    fact('使用的话术', d.variant ? '类型话术 · ' + (TYPE_NAMES[d.variant] || d.variant) : '标准回复');
    fact('语义检索', x.semanticUsed ? '已使用' : '未使用(词面已确定)');
    box.appendChild(facts);

    box.appendChild(el('h4', null, '分词'));
    var tokens = el('div', 'tokens');
    x.tokens.forEach(function (tok) { tokens.appendChild(el('span', null, tok)); });
    box.appendChild(tokens);

    box.appendChild(el('h4', null, '顾客会看到'));
    box.appendChild(el('div', 'bubble', x.text));
    if (x.quickReplies && x.quickReplies.length) {
      var chips = el('div', 'chips');
      x.quickReplies.forEach(function (q) { chips.appendChild(el('span', 'chip', q.label)); });
      box.appendChild(chips);
    }
    box.appendChild(el('h4', null, '规范检查'));
    var lint = el('ul', 'lint');
    if (!x.lint.length) lint.appendChild(el('li', 'ok', '✓ 没有问题'));
    x.lint.forEach(function (f) { lint.appendChild(el('li', 'bad', findingText(f))); });
    box.appendChild(lint);

    box.appendChild(el('h4', null, '候选话术'));
    var table = el('table', 'candidates');
    var hr = el('tr');
    ['话术', '综合', '词面', '语义', '命中词'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el('tbody');
    x.candidates.forEach(function (c) {
      var tr = el('tr', c.scriptId === x.scriptId ? 'best' : null);
      tr.dataset.scriptId = c.scriptId;
      var idCell = el('td');
      idCell.appendChild(button(c.scriptId, 'link', function () { openScript(c.scriptId); }));
      tr.appendChild(idCell);
      var score = el('td', null, Number(c.score).toFixed(3));
      var bar = el('span', 'bar');
      bar.style.width = Math.round(Math.max(0, Math.min(1, c.score)) * 60) + 'px';
      score.appendChild(bar);
      tr.appendChild(score);
      tr.appendChild(el('td', null, Number(c.lexical).toFixed(3)));
      tr.appendChild(el('td', null, Number(c.semantic).toFixed(3)));
      var terms = el('td', 'terms');
      (c.matchedTerms || []).forEach(function (term) { terms.appendChild(el('span', null, term)); });
      tr.appendChild(terms);
      tbody.appendChild(tr);
    });
    if (!x.candidates.length) {
      var none = el('tr');
      var td = el('td', null, '没有候选');
      td.colSpan = 5;
      none.appendChild(td);
      tbody.appendChild(none);
    }
    table.appendChild(tbody);
    box.appendChild(table);
    box.classList.remove('hidden');

    // the case's expected script defaults to what was answered (or the best candidate)
    var expected = x.scriptId || (x.candidates.length ? x.candidates[0].scriptId : '');
    fillCaseExpected(x.decision === 'handoff' && !x.candidates.length ? '' : expected);
  }

  $('explain-run').addEventListener('click', explain);
  $('explain-input').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); explain(); }
  });

  var allScriptIds = [];

  function loadAllIds() {
    return api('GET', '/api/trainer/scripts?limit=5000').then(function (r) {
      if (!r.ok) return;
      allScriptIds = r.data.items.map(function (s) { return s.id; });
      fillCaseExpected();
    });
  }

  function fillCaseExpected(value) {
    var sel = $('case-expected');
    var current = value !== undefined ? value : sel.value;
    sel.replaceChildren(option('', '应转人工(没有合适话术)'));
    allScriptIds.forEach(function (id) { sel.appendChild(option(id, '应由「' + id + '」回答')); });
    sel.value = allScriptIds.indexOf(current) >= 0 ? current : '';
  }

  $('save-case').addEventListener('click', function () {
    var text = $('explain-input').value.trim();
    if (!text) { $('explain-input').focus(); return; }
    var expected = $('case-expected').value || null;
    api('POST', '/api/trainer/cases', { text: text, lang: $('explain-lang').value || null, expectedScriptId: expected })
      .then(function (r) {
        $('cases-summary').textContent = r.ok ? '已存为用例 #' + r.data.id : message(r);
        if (r.ok) loadCases();
      });
  });

  function loadCases() {
    return api('GET', '/api/trainer/cases').then(function (r) {
      if (!r.ok) return;
      renderCases(r.data.map(function (c) { return { id: c.id, text: c.text, expectedScriptId: c.expectedScriptId }; }), false);
    });
  }

  function renderCases(results, ran) {
    var ul = $('cases-result');
    ul.replaceChildren();
    results.forEach(function (c) {
      var li = el('li', 'case' + (ran ? (c.pass ? ' pass' : ' fail') : ''));
      li.dataset.id = c.id;
      if (ran) li.dataset.pass = String(c.pass);
      li.appendChild(el('span', 'mark', ran ? (c.pass ? '✓' : '✗') : '•'));
      li.appendChild(el('span', 'case-text', c.text));
      var expect = '→ ' + (c.expectedScriptId || '转人工');
      if (ran && !c.pass) {
        expect += '(实际:' + (DECISIONS[c.decision] || c.decision) + (c.scriptId ? ' ' + c.scriptId
          : c.topScriptId ? ',最接近 ' + c.topScriptId : '') + ')';
      }
      li.appendChild(el('span', 'case-expect', expect));
      li.appendChild(button('×', 'remove', function () {
        api('DELETE', '/api/trainer/cases/' + c.id).then(function () { loadCases(); });
      }));
      ul.appendChild(li);
    });
    if (!results.length) ul.appendChild(el('li', 'hint', '还没有用例。'));
  }

  $('run-cases').addEventListener('click', function () {
    $('cases-summary').textContent = '运行中…';
    $('run-cases').disabled = true;
    api('POST', '/api/trainer/cases/run').then(function (r) {
      $('run-cases').disabled = false;
      if (!r.ok) { $('cases-summary').textContent = message(r); return; }
      $('cases-summary').textContent = '通过 ' + r.data.passed + ' / ' + r.data.total
        + (r.data.failed ? ',失败 ' + r.data.failed : '');
      $('cases-summary').className = r.data.failed ? 'error' : 'ok';
      renderCases(r.data.results, true);
    }).catch(function () { $('run-cases').disabled = false; });
  });

  // ---------- publish check, releases, diff

  function runPublishCheck() {
    var box = $('publish-check');
    box.replaceChildren(el('p', 'hint', '检查中…'));
    api('POST', '/api/trainer/publish/check').then(function (r) {
      if (r.ok) renderPublishCheck(r.data); else box.replaceChildren(el('p', 'error', message(r)));
    });
  }

  function renderPublishCheck(c) {
    var box = $('publish-check');
    box.replaceChildren();
    box.dataset.ready = String(c.ready);
    box.appendChild(el('p', c.ready ? 'ok' : 'error', c.ready ? '✓ 可以发布' : '✗ 暂不能发布'));
    var ul = el('ul', 'lint');
    c.blockers.forEach(function (b) { ul.appendChild(el('li', 'bad', b)); });
    c.problems.forEach(function (p) {
      var text = p.scriptId + ' · ' + fieldName(p.field) + ':' + (p.findings.length
        ? p.findings.map(findingText).join(';') : p.message);
      ul.appendChild(el('li', 'bad', text));
    });
    c.cases.results.filter(function (x) { return !x.pass; }).forEach(function (x) {
      ul.appendChild(el('li', 'bad', '用例「' + x.text + '」应 ' + (x.expectedScriptId || '转人工') + ',草稿:'
        + (DECISIONS[x.decision] || x.decision) + ' ' + (x.scriptId || '')));
    });
    box.appendChild(ul);
    box.appendChild(el('p', 'meta', '用例 ' + c.cases.passed + '/' + c.cases.total + ' 通过 · 话术 ' + c.scriptCount + ' 条'));
    box.appendChild(renderDiff(c.changes));
  }

  function loadReleases() {
    loadDraft();
    return api('GET', '/api/trainer/releases').then(function (r) {
      if (!r.ok) return;
      var ul = $('release-list');
      ul.replaceChildren();
      var versions = [['draft', '草稿']];
      r.data.forEach(function (rel, i) {
        versions.push([String(rel.number), '#' + rel.number]);
        var li = el('li', 'release' + (i === 0 ? ' current' : ''));
        li.dataset.number = rel.number;
        var head = el('div', 'release-head');
        head.appendChild(el('strong', null, '#' + rel.number));
        if (i === 0) head.appendChild(el('span', 'badge published', '线上'));
        head.appendChild(el('span', null, rel.note));
        li.appendChild(head);
        li.appendChild(el('div', 'meta', when(rel.createdAt) + ' · ' + rel.createdBy + ' · ' + rel.scriptCount + ' 条话术'
          + (rel.approvedBy ? ' · 审批:' + rel.approvedBy : '') + (rel.restoredFrom ? ' · 回滚自 #' + rel.restoredFrom : '')));
        var actions = el('div', 'release-actions');
        if (rel.number > 1) {
          actions.appendChild(button('与 #' + (rel.number - 1) + ' 对比', 'diff-btn', function () {
            $('diff-from').value = String(rel.number - 1);
            $('diff-to').value = String(rel.number);
            runDiff();
          }));
        }
        if (i > 0) {
          var rb = button('回滚到此版本', 'rollback-btn', function () { rollback(rel.number); });
          rb.dataset.number = rel.number;
          actions.appendChild(rb);
        }
        li.appendChild(actions);
        ul.appendChild(li);
      });
      [$('diff-from'), $('diff-to'), $('export-version')].forEach(function (sel, k) {
        var current = sel.value;
        sel.replaceChildren();
        versions.forEach(function (v) { sel.appendChild(option(v[0], v[1])); });
        if (current) sel.value = current;
        else if (k === 0 && versions.length > 1) sel.value = versions[1][0];
      });
      updateExportLinks();
    });
  }

  function rollback(number) {
    if (!window.confirm('回滚到 #' + number + '?会以它的内容发布一个新版本,并把草稿重置为它(未发布的修改会丢弃)。')) return;
    var note = window.prompt('回滚原因(可不填)', '') || '';
    api('POST', '/api/trainer/releases/' + number + '/rollback', { note: note }).then(function (r) {
      setStatus($('publish-status'), r.ok ? '已回滚:新版本 #' + r.data.release.number + ' 已生效' : message(r),
        r.ok ? 'ok' : 'error');
      refreshAll();
    });
  }

  function runDiff() {
    var from = $('diff-from').value, to = $('diff-to').value;
    api('GET', '/api/trainer/diff?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to)).then(function (r) {
      var box = $('diff-result');
      box.replaceChildren();
      if (!r.ok) { box.appendChild(el('p', 'error', message(r))); return; }
      box.appendChild(renderDiff(r.data));
    });
  }

  $('diff-run').addEventListener('click', runDiff);

  function renderDiff(d) {
    var box = el('div', 'diff');
    if (d.empty) { box.appendChild(el('p', 'meta', '没有差别')); return box; }
    var ul = el('ul');
    d.added.forEach(function (id) { ul.appendChild(el('li', 'added', '+ 新增 ' + id)); });
    d.removed.forEach(function (id) { ul.appendChild(el('li', 'removed', '− 删除 ' + id)); });
    d.changed.forEach(function (c) {
      var li = el('li', 'changed', '~ 修改 ' + c.id + ':' + c.fields.map(fieldName).join('、'));
      if (c.addedQuestions.length) li.appendChild(el('div', 'added', '+ 问法:' + c.addedQuestions.join(' / ')));
      if (c.removedQuestions.length) li.appendChild(el('div', 'removed', '− 问法:' + c.removedQuestions.join(' / ')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  // ---------- learning loop

  function loadMisses() {
    var ul = $('miss-list');
    ul.replaceChildren(el('li', 'hint', '加载中…'));
    return api('GET', '/api/trainer/misses').then(function (r) {
      ul.replaceChildren();
      if (!r.ok) { ul.appendChild(el('li', 'error', message(r))); return; }
      if (!r.data.length) ul.appendChild(el('li', 'hint', '最近没有没答好的问题。'));
      r.data.forEach(function (g) { ul.appendChild(missGroup(g)); });
    });
  }

  function missGroup(g) {
    var li = el('li', 'miss-group');
    li.dataset.key = g.key;
    var head = el('div', 'miss-head');
    head.appendChild(el('span', 'count', '×' + g.count));
    head.appendChild(el('strong', 'miss-question', g.question));
    Object.keys(g.kinds).forEach(function (k) { head.appendChild(el('span', 'badge ' + k, (KINDS[k] || k) + ' ' + g.kinds[k])); });
    head.appendChild(el('span', 'meta', when(g.lastAt)));
    li.appendChild(head);
    var others = g.misses.map(function (m) { return m.question; }).filter(function (q) { return q !== g.question; });
    if (others.length) li.appendChild(el('div', 'meta', '相似:' + others.join(' / ')));
    g.agentReplies.forEach(function (a) { li.appendChild(el('div', 'agent-reply', '客服回复:' + a)); });

    var row = el('div', 'row');
    var sel = el('select', 'miss-script');
    allScriptIds.forEach(function (id) { sel.appendChild(option(id, id)); });
    if (g.suggestedScriptId) sel.value = g.suggestedScriptId;
    row.appendChild(sel);
    row.appendChild(button('加为问法', 'miss-add-phrasing', function () {
      api('POST', '/api/trainer/scripts/' + encodeURIComponent(sel.value) + '/phrasings',
        { question: g.question, missKeys: g.keys }).then(function (r) {
        if (!r.ok) { window.alert(message(r)); return; }
        li.remove();
        loadScripts();
        loadDraft();
      });
    }));
    row.appendChild(button('新建话术', 'miss-new-script', function () {
      showTab('tab-editor');
      startEditing({ id: '', lang: 'zh', questions: [g.question].concat(others.slice(0, 5)),
        answer: g.agentReplies[0] || '' }, null, g.keys);
      $('script-id').focus();
    }));
    row.appendChild(button('忽略', 'miss-dismiss', function () {
      api('POST', '/api/trainer/misses/dismiss', { keys: g.keys }).then(function (r) { if (r.ok) li.remove(); });
    }));
    li.appendChild(row);
    return li;
  }

  $('miss-refresh').addEventListener('click', loadMisses);

  // ---------- import / export

  function updateExportLinks() {
    var v = encodeURIComponent($('export-version').value || 'draft');
    $('export-jsonl').href = '/api/trainer/export?format=jsonl&version=' + v;
    $('export-csv').href = '/api/trainer/export?format=csv&version=' + v;
  }

  $('export-version').addEventListener('change', updateExportLinks);

  var importPlan = null;

  $('import-file').addEventListener('change', function () {
    var f = $('import-file').files[0];
    if (f && /\.csv$/i.test(f.name)) $('import-format').value = 'csv';
    else if (f) $('import-format').value = 'jsonl';
    importPlan = null;
    $('import-apply').disabled = true;
    $('import-result').replaceChildren();
  });

  function readImport() {
    var f = $('import-file').files[0];
    if (!f) return Promise.reject(new Error('请先选择文件'));
    return f.text();
  }

  $('import-preview').addEventListener('click', function () {
    readImport().then(function (text) {
      var body = { text: text, format: $('import-format').value, mode: $('import-mode').value };
      return api('POST', '/api/trainer/import/preview', body).then(function (r) {
        importPlan = r.ok && r.data.ok ? { body: body, revision: r.data.draftRevision } : null;
        $('import-apply').disabled = !importPlan;
        renderImport(r);
      });
    }).catch(function (e) { $('import-result').replaceChildren(el('p', 'error', e.message)); });
  });

  $('import-apply').addEventListener('click', function () {
    if (!importPlan) return;
    var body = Object.assign({}, importPlan.body, { draftRevision: importPlan.revision });
    api('POST', '/api/trainer/import/apply', body).then(function (r) {
      importPlan = null;
      $('import-apply').disabled = true;
      var box = $('import-result');
      box.replaceChildren(el('p', r.ok ? 'ok' : 'error', r.ok ? '✓ 已导入草稿(发布后生效)' : message(r)));
      if (r.ok) refreshAll();
    });
  });

  function renderImport(r) {
    var box = $('import-result');
    box.replaceChildren();
    if (!r.ok) { box.appendChild(el('p', 'error', message(r))); return; }
    var p = r.data;
    box.appendChild(el('p', p.ok ? 'ok' : 'error', p.ok ? '文件可以导入:' + p.scriptCount + ' 条话术。确认前草稿不会改变。'
      : '文件有问题,不能导入:'));
    var ul = el('ul', 'lint import-errors');
    p.errors.forEach(function (e) {
      var li = el('li', 'bad', '第 ' + e.line + ' 行:' + e.reason);
      li.dataset.line = e.line;
      ul.appendChild(li);
    });
    p.problems.forEach(function (x) {
      ul.appendChild(el('li', 'bad', x.scriptId + ' · ' + fieldName(x.field) + ':'
        + (x.findings.length ? x.findings.map(findingText).join(';') : x.message)));
    });
    box.appendChild(ul);
    if (p.ok) box.appendChild(renderDiff(p.changes));
  }

  // ---------- audit

  function loadAudit() {
    return api('GET', '/api/trainer/audit?limit=200').then(function (r) {
      if (!r.ok) return;
      var body = $('audit-list').querySelector('tbody');
      body.replaceChildren();
      r.data.forEach(function (a) {
        var tr = el('tr');
        tr.dataset.action = a.action;
        [when(a.at), a.actor, ACTIONS[a.action] || a.action, a.target || '', a.detail || ''].forEach(function (v) {
          tr.appendChild(el('td', null, v));
        });
        body.appendChild(tr);
      });
    });
  }

  $('audit-refresh').addEventListener('click', loadAudit);

  // ---------- start

  function refreshAll() {
    loadDraft();
    loadScripts();
    loadAllIds();
    if (!$('panel-releases').classList.contains('hidden')) loadReleases();
    if (!$('panel-audit').classList.contains('hidden')) loadAudit();
  }

  loadMe().then(function () {
    refreshAll();
    loadCases();
    loadReleases();
  }).catch(function () { /* redirected to the log-in page */ });
})();
