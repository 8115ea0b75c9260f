// Small enhancements; every page works without them (forms post, links load).
document.addEventListener('DOMContentLoaded', function () {
  // A form that records money is sent once: the button is disabled after the first submit. The Idempotency-Key
  // in the form makes a second send (a double click before this runs, a resent page) record nothing new.
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    });
  });
  // Forms that take a while show their progress element.
  document.querySelectorAll('form[data-progress]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var p = document.getElementById(form.getAttribute('data-progress'));
      if (p) { p.hidden = false; }
    });
  });
  // A Word or Excel file is generated on request, which can take seconds: fetched here so the page shows its
  // progress beside the link while it is made, then handed to the browser as a download. Any failure (the session ended,
  // the service refused) falls back to following the link, where the console's own pages explain it.
  document.querySelectorAll('a.download[href$=".docx"], a.download[href$=".xlsx"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (!window.fetch || !window.URL || link.getAttribute('aria-busy') === 'true') { return; }
      event.preventDefault();
      var progress = document.createElement('progress');
      progress.className = 'download-progress';
      progress.setAttribute('aria-label', '正在生成' + link.textContent);
      link.setAttribute('aria-busy', 'true');
      link.after(progress);
      fetch(link.href, { credentials: 'same-origin', redirect: 'error' })
        .then(function (r) {
          if (!r.ok) { throw new Error(r.status); }
          return r.blob().then(function (blob) { return { blob: blob, name: fileName(r, link.href) }; });
        })
        .then(function (file) {
          var url = URL.createObjectURL(file.blob);
          var save = document.createElement('a');
          save.href = url;
          save.download = file.name;
          document.body.appendChild(save);
          save.click();
          save.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        })
        .catch(function () { window.location.href = link.href; })
        .finally(function () { progress.remove(); link.removeAttribute('aria-busy'); });
    });
  });
  var data = document.getElementById('city-chart-data');
  if (data && window.echarts) { cityChart(JSON.parse(data.textContent)); }
});

// Execution rate per department as bars in its warning colour, with 序时进度 as a line across them.
function cityChart(d) {
  var colours = { RED: '#c62828', YELLOW: '#b7791f', GREEN: '#2e7d32', BLUE: '#1565c0', NONE: '#9aa5b1' };
  var chart = echarts.init(document.getElementById('city-chart'));
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    grid: { left: 48, right: 16, top: 24, bottom: 96 },
    xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', name: '执行率 %' },
    series: [{
      type: 'bar', name: '预算执行率',
      data: d.rates.map(function (r, i) { return { value: Number(r), itemStyle: { color: colours[d.colours[i]] || colours.NONE } }; }),
      markLine: { symbol: 'none', label: { formatter: '序时进度 ' + d.timeProgress + '%' },
                  data: [{ yAxis: Number(d.timeProgress) }] }
    }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}

// The name report-service gives the file (Content-Disposition), else the link's last segment.
function fileName(response, href) {
  var given = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return given ? given[1] : href.substring(href.lastIndexOf('/') + 1);
}
