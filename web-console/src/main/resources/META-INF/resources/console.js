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
