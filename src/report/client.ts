/**
 * The script of a report page, run in the browser: it reads the page's embedded data and
 * draws charts (Chart.js, inlined before it) and tables (DOM nodes and textContent, so no
 * value from a record is ever parsed as HTML). It sets `window.trailsimReport` to
 * `{ ready, charts, errors }` so tests can tell that every chart was drawn.
 * Kept as plain ES2017 in a string: no template literals, so it can sit in this module as is.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var state = { ready: false, charts: [], errors: [] };
  window.trailsimReport = state;
  var data = JSON.parse(document.getElementById('trailsim-data').textContent);
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
  Chart.defaults.animation = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
  Chart.defaults.maintainAspectRatio = false;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) { if (k === 'text') e.textContent = attrs[k]; else if (k === 'cls') e.className = attrs[k]; else e.setAttribute(k, attrs[k]); }
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function section(id, title, intro) {
    var s = el('section', { id: id }, [el('h2', { text: title })]);
    if (intro) s.appendChild(el('p', { cls: 'intro', text: intro }));
    document.getElementById('main').appendChild(s);
    var nav = document.getElementById('nav');
    nav.appendChild(el('a', { href: '#' + id, text: title }));
    return s;
  }
  function chartBox(parent, name, height) {
    var box = el('div', { cls: 'chart', style: 'height:' + (height || 260) + 'px' });
    var c = el('canvas', { 'data-chart': name });
    box.appendChild(c);
    parent.appendChild(box);
    return c;
  }
  function draw(name, canvas, config) {
    try {
      var ch = new Chart(canvas, config);
      state.charts.push({ name: name, type: config.type, points: config.data.datasets.reduce(function (n, d) { return n + d.data.length; }, 0) });
      return ch;
    } catch (e) {
      state.errors.push(name + ': ' + e.message);
      console.error('chart ' + name + ' failed: ' + e.message);
    }
  }
  function table(parent, head, rows, cls) {
    var t = el('table', { cls: cls || '' });
    t.appendChild(el('thead', null, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))]));
    var tb = el('tbody');
    rows.forEach(function (r) {
      tb.appendChild(el('tr', null, r.map(function (c) { return c instanceof Node ? el('td', null, [c]) : el('td', { text: c == null ? '' : String(c) }); })));
    });
    t.appendChild(tb);
    parent.appendChild(t);
    return t;
  }
  function fmtTime(ms, size) {
    var d = new Date(ms).toISOString();
    if (size >= 86400000) return d.slice(0, 10);
    return d.slice(5, 10) + ' ' + d.slice(11, 16);
  }
  function fmtNum(n) { return Number(n).toLocaleString('en-US'); }
  function card(parent, label, value) { parent.appendChild(el('div', { cls: 'card' }, [el('div', { cls: 'v', text: value }), el('div', { cls: 'l', text: label })])); }
  function stacked(name, parent, labels, series, title) {
    var c = chartBox(parent, name, 260);
    draw(name, c, {
      type: 'bar',
      data: { labels: labels, datasets: series.map(function (s, i) { return { label: s.label, data: s.counts, backgroundColor: PALETTE[i % PALETTE.length], borderWidth: 0 }; }) },
      options: { plugins: { title: { display: true, text: title }, legend: { position: 'right', labels: { boxWidth: 12 } } }, scales: { x: { stacked: true, ticks: { maxTicksLimit: 12, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'records' } } } }
    });
  }
  function hbar(name, parent, rows, title, key, color) {
    var c = chartBox(parent, name, Math.max(160, rows.length * 22 + 50));
    draw(name, c, {
      type: 'bar',
      data: { labels: rows.map(function (r) { return r.label; }), datasets: [{ label: key, data: rows.map(function (r) { return r[key]; }), backgroundColor: color }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false }, title: { display: true, text: title } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  // A Chart.js plugin that shades the Insights window and marks Start and End, as the CloudTrail console does.
  var insightWindow = {
    id: 'insightWindow',
    beforeDatasetsDraw: function (chart, args, opts) {
      if (opts.from == null) return;
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      var x0 = x.getPixelForValue(opts.from), x1 = x.getPixelForValue(opts.to);
      ctx.save();
      ctx.fillStyle = 'rgba(255, 153, 0, 0.18)';
      ctx.fillRect(x0, area.top, Math.max(2, x1 - x0), area.bottom - area.top);
      ctx.strokeStyle = '#d45b07';
      ctx.setLineDash([]);
      ctx.lineWidth = 1.5;
      [[x0, 'Start'], [x1, opts.ended ? 'End' : 'ongoing']].forEach(function (p) {
        ctx.beginPath(); ctx.moveTo(p[0], area.top); ctx.lineTo(p[0], area.bottom); ctx.stroke();
        ctx.fillStyle = '#d45b07'; ctx.font = 'bold 11px sans-serif'; ctx.textAlign = 'center';
        ctx.fillText(p[1], p[0], area.top + 11);
      });
      ctx.restore();
    }
  };

  // Header cards.
  var a = data.activity;
  var cards = document.getElementById('cards');
  if (a) {
    card(cards, 'records', fmtNum(a.records));
    card(cards, 'accounts', fmtNum(a.counts.accounts));
    card(cards, 'regions', fmtNum(a.counts.regions));
    card(cards, 'principals', fmtNum(a.counts.principals));
    card(cards, 'operations', fmtNum(a.counts.operations));
    card(cards, 'errors', fmtNum(a.counts.errors));
    card(cards, 'sign-ins', fmtNum(a.signIns.total));
    card(cards, 'Insights events', fmtNum(a.insights.length));
  }
  if (data.coverage) {
    var tt = data.coverage.totals;
    card(cards, 'playbooks caught', tt.caught + ' / ' + tt.playbooks);
    card(cards, 'detections firing', tt.firing + ' / ' + tt.detections);
    card(cards, 'techniques covered', tt.techniquesCovered + ' / ' + tt.techniques);
  }

  if (a && a.records > 0) {
    var labels = a.buckets.map(function (b) { return fmtTime(b, a.bucketMs); });
    var per = a.bucketMs >= 86400000 ? (a.bucketMs / 86400000) + ' d' : a.bucketMs >= 3600000 ? (a.bucketMs / 3600000) + ' h' : (a.bucketMs / 60000) + ' min';
    var s1 = section('activity', 'Activity over time', 'Records per ' + per + ' (UTC), ' + a.from + ' to ' + a.to + '.');
    stacked('activity-account', s1, labels, a.byAccount, 'By account (recipientAccountId)');
    stacked('activity-region', s1, labels, a.byRegion, 'By region (awsRegion)');
    stacked('activity-principal', s1, labels, a.byPrincipal, 'By principal (userIdentity)');

    if (a.insights.length > 0) {
      var s2 = section('insights', 'CloudTrail Insights', 'Each Insights event as the CloudTrail console draws it: the calls per minute of the API (write calls for API call rate, calls failing with the error code for API error rate), the baseline average (dashed), the insight average (dotted), and the unusual-activity window shaded from Start to End.');
      a.insights.forEach(function (ins, i) {
        var what = ins.insightType === 'ApiErrorRateInsight' ? 'API error rate: ' + ins.eventName + ' failing with ' + ins.errorCode : 'API call rate: ' + ins.eventName;
        s2.appendChild(el('h3', { text: what + ' (' + ins.eventSource + ', ' + ins.account + ', ' + ins.region + ')' }));
        var c = chartBox(s2, 'insight-' + i, 280);
        var pts = ins.minutes.map(function (m, j) { return { x: m, y: ins.counts[j] }; });
        var endX = ins.end != null ? ins.end : ins.start;
        var lineOver = function (y) { return [{ x: ins.minutes[0], y: y }, { x: ins.minutes[ins.minutes.length - 1], y: y }]; };
        draw('insight-' + i, c, {
          type: 'line',
          data: { datasets: [
            { label: ins.insightType === 'ApiErrorRateInsight' ? 'errors per minute' : 'calls per minute', data: pts, borderColor: '#1f77b4', backgroundColor: 'rgba(31,119,180,0.15)', stepped: true, pointRadius: 0, fill: true, borderWidth: 1.5 },
            { label: 'baseline average ' + ins.baselineAverage, data: lineOver(ins.baselineAverage), borderColor: '#2ca02c', borderDash: [6, 4], pointRadius: 0, borderWidth: 2 },
            { label: 'insight average ' + ins.insightAverage, data: [{ x: ins.start, y: ins.insightAverage }, { x: endX, y: ins.insightAverage }], borderColor: '#d62728', borderDash: [2, 3], pointRadius: 0, borderWidth: 2 }
          ] },
          options: {
            parsing: false,
            plugins: { insightWindow: { from: ins.start, to: endX, ended: ins.end != null }, legend: { position: 'bottom' } },
            scales: { x: { type: 'linear', min: ins.minutes[0], max: ins.minutes[ins.minutes.length - 1], ticks: { maxTicksLimit: 10, callback: function (v) { return new Date(v).toISOString().slice(11, 16); } }, title: { display: true, text: 'UTC, ' + new Date(ins.start).toISOString().slice(0, 10) } }, y: { beginAtZero: true } }
          },
          plugins: [insightWindow]
        });
        table(s2, ['state', 'time', 'insight duration (min)', 'baseline duration (min)', 'top attributions'], [
          ['Start', new Date(ins.start).toISOString(), '', '', ''],
          ['End', ins.end != null ? new Date(ins.end).toISOString() : '(not ended)', ins.insightDuration != null ? ins.insightDuration : '', ins.baselineDuration != null ? ins.baselineDuration : '', ins.attributions.map(function (x) { return x.attribute + ': ' + x.values.join(', '); }).join(' | ')]
        ], 'small');
      });
    }

    var s3 = section('callers', 'Top callers and operations', null);
    var grid = el('div', { cls: 'grid2' });
    s3.appendChild(grid);
    var g1 = el('div'), g2 = el('div');
    grid.appendChild(g1); grid.appendChild(g2);
    hbar('top-callers', g1, a.topCallers, 'Top callers', 'count', '#1f77b4');
    hbar('top-operations', g2, a.topOperations, 'Top operations', 'count', '#9467bd');

    var s4 = section('errors', 'Errors', fmtNum(a.counts.errors) + ' of ' + fmtNum(a.records) + ' records carry an errorCode.');
    if (a.errorCodes.length > 0) {
      var grid2 = el('div', { cls: 'grid2' });
      s4.appendChild(grid2);
      var h1 = el('div'), h2 = el('div');
      grid2.appendChild(h1); grid2.appendChild(h2);
      hbar('error-codes', h1, a.errorCodes, 'Error codes', 'count', '#d62728');
      hbar('failing-operations', h2, a.failingOperations, 'Operations that failed', 'errors', '#ff7f0e');
    }

    var s5 = section('signins', 'Sign-ins', fmtNum(a.signIns.total) + ' sign-in events (signin.amazonaws.com): ' + fmtNum(a.signIns.success) + ' succeeded, ' + fmtNum(a.signIns.failure) + ' failed, ' + fmtNum(a.signIns.withoutMfa) + ' succeeded without MFA.');
    if (a.signIns.total > 0) {
      stacked('signins', s5, labels, [{ label: 'success', counts: a.signIns.success_ }, { label: 'failure', counts: a.signIns.failure_ }], 'Sign-ins over time');
      table(s5, ['time', 'account', 'user', 'event', 'result', 'MFA', 'source IP'], a.signIns.rows.slice(0, 30).map(function (r) { return [r.time, r.account, r.user, r.event, r.result, r.mfa, r.sourceIPAddress]; }), 'small');
    }
  }

  if (data.coverage) {
    var cov = data.coverage;
    var b = cov.baseline;
    var s6 = section('coverage', 'Detection coverage', 'Playbooks run: ' + cov.totals.playbooks + '; detections: ' + cov.totals.detections + ' (' + cov.totals.evaluated + ' evaluated). Benign baseline: ' + fmtNum(b.records) + ' records over ' + b.days + ' day(s)' + (b.source === 'generated' ? ' of generated background traffic' : b.source === 'records' ? ' of given records' : '') + '.');
    s6.appendChild(el('h3', { text: 'ATT&CK matrix' }));
    s6.appendChild(el('p', { cls: 'legend' }, [el('span', { cls: 'sw covered' }), ' every playbook caught ', el('span', { cls: 'sw partial' }), ' some caught ', el('span', { cls: 'sw uncovered' }), ' none caught']));
    var m = el('div', { cls: 'matrix', id: 'matrix' });
    cov.matrix.forEach(function (col) {
      var c = el('div', { cls: 'col' }, [el('div', { cls: 'tactic', text: col.tactic.replace(/-/g, ' ') })]);
      col.techniques.forEach(function (t) {
        var cell = el('div', { cls: 'cell ' + t.status, title: t.playbooks.join(', ') + (t.detections.length ? '\ncaught by ' + t.detections.join(', ') : '') }, [el('b', { text: t.id }), el('span', { text: t.name || '' }), el('small', { text: t.caught.length + '/' + t.playbooks.length + ' playbooks' })]);
        c.appendChild(cell);
      });
      m.appendChild(c);
    });
    if (cov.matrix.length === 0) s6.appendChild(el('p', { text: 'No playbook carries an ATT&CK mapping (attack: { techniques, tactics }).' }));
    s6.appendChild(m);

    var noisy = cov.detections.filter(function (d) { return d.falsePositives.hits > 0; }).sort(function (x, y) { return y.falsePositives.per10k - x.falsePositives.per10k; }).slice(0, 20);
    if (noisy.length > 0) {
      s6.appendChild(el('h3', { text: 'False positives on benign traffic' }));
      hbar('false-positives', s6, noisy.map(function (d) { return { label: d.title.slice(0, 60), per10k: d.falsePositives.per10k }; }), 'False positives per 10k benign records', 'per10k', '#d62728');
    }
    var hits = cov.detections.filter(function (d) { return d.caught.length > 0; }).sort(function (x, y) { return y.caught.length - x.caught.length; }).slice(0, 30);
    if (hits.length > 0) {
      s6.appendChild(el('h3', { text: 'Playbooks caught per detection' }));
      hbar('caught-per-detection', s6, hits.map(function (d) { return { label: d.title.slice(0, 60), caught: d.caught.length }; }), 'Playbooks caught', 'caught', '#2ca02c');
    }

    s6.appendChild(el('h3', { text: 'Per detection' }));
    var detRow = function (d) {
      var notes = [];
      if (!d.evaluated) notes.push('not evaluated: ' + (d.unsupported || []).join('; '));
      if (d.errors) notes.push('threw on ' + d.errors.count + ' record(s): ' + d.errors.first);
      var name = el('span', null, [el('b', { text: d.title }), el('br'), el('code', { text: d.id })]);
      return [name, d.kind + (d.level ? ' · ' + d.level : ''), d.caught.join(', ') || '-', d.missed.join(', ') || '-', d.falsePositives.per10k, d.falsePositives.perDay, notes.join(' ')];
    };
    var detHead = ['detection', 'kind', 'caught', 'missed (expected)', 'FP / 10k', 'FP / day', 'notes'];
    // Detections that caught, missed, were noisy or failed come first; the silent rest fold away.
    var active = cov.detections.filter(function (d) { return d.caught.length > 0 || d.missed.length > 0 || d.falsePositives.hits > 0 || d.errors || !d.evaluated; });
    var silent = cov.detections.filter(function (d) { return active.indexOf(d) < 0; });
    table(s6, detHead, active.map(detRow), 'small');
    if (silent.length > 0) {
      var det = el('details', null, [el('summary', { text: silent.length + ' detection(s) silent on every playbook run and on the baseline' })]);
      table(det, detHead, silent.map(detRow), 'small');
      s6.appendChild(det);
    }

    s6.appendChild(el('h3', { text: 'Per playbook' }));
    table(s6, ['playbook', 'techniques', 'caught by', 'expected but silent', 'activity records'], cov.playbooks.map(function (p) {
      var name = el('span', null, [el('b', { text: p.title || p.name }), el('br'), el('code', { text: p.name })]);
      var titles = {};
      cov.detections.forEach(function (d) { titles[d.id] = d.title; });
      return [name, p.techniques.join(', ') || '-', p.caughtBy.map(function (c) { return (titles[c.id] || c.id) + ' (' + c.hits + ')'; }).join(', ') || 'NOT CAUGHT', p.missedBy.map(function (id) { return titles[id] || id; }).join(', ') || '-', p.activityRecords];
    }), 'small');
  }
  state.ready = true;
})();
`;
