/* Draws every chart of a cskpi weekly report. Chart options come from
   <script type="application/json" id="..."> blocks named by each container's data-option,
   so the page needs no inline script (works under a strict Content-Security-Policy).
   Each container gets data-chart-state="drawn" once ECharts has rendered it, or "error". */
(function () {
    'use strict';
    var charts = [];

    function draw(el) {
        try {
            var source = document.getElementById(el.getAttribute('data-option'));
            var option = JSON.parse(source.textContent);
            var chart = echarts.init(el, null, {renderer: 'svg'});
            chart.on('finished', function () {
                el.setAttribute('data-chart-state', 'drawn');
            });
            chart.setOption(option);
            charts.push(chart);
        } catch (e) {
            el.setAttribute('data-chart-state', 'error');
            el.textContent = 'This chart could not be drawn: ' + e.message;
            console.error('cskpi report: chart ' + el.id + ': ' + e.message);
        }
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll('.chart[data-option]'), draw);
    }

    window.addEventListener('resize', function () {
        charts.forEach(function (chart) { chart.resize(); });
    });
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
