/* Draws every chart of a cskpi weekly report. Chart options come from
   <script type="application/json" id="..."> blocks named by each container's data-option,
   so the page needs no inline script (works under a strict Content-Security-Policy).
   Each container gets data-chart-state="drawn" once ECharts has rendered it, or "error". */
(function () {
    'use strict';
    var charts = [];

    /* Tooltips. A JSON option cannot carry a function, so it names one of these ("cskpi:tips")
       and each data item carries its text ("tip"). They return DOM nodes with class names rather
       than ECharts' default HTML, whose style="..." attributes a style-src 'self' policy refuses;
       the marker colour is set through el.style, which CSP does not restrict. */
    var FORMATTERS = {
        'cskpi:tips': function (params) {
            return tooltip(null, [].concat(params));
        },
        'cskpi:week-tips': function (params) {
            var list = [].concat(params);
            return tooltip(list.length ? list[0].axisValueLabel : null, list);
        }
    };

    function tooltip(heading, params) {
        var box = element('div', 'cskpi-tip');
        if (heading) {
            box.appendChild(element('div', 'cskpi-tip-heading', heading));
        }
        var lines = 0;
        params.forEach(function (p) {
            if (!p.data || typeof p.data.tip !== 'string') {
                return; /* a gap, or a series drawn only as a shape (the NPS band) */
            }
            var line = element('div', 'cskpi-tip-line');
            var marker = element('span', 'cskpi-tip-marker');
            if (typeof p.color === 'string') {
                marker.style.backgroundColor = p.color;
            }
            line.appendChild(marker);
            line.appendChild(document.createTextNode(p.data.tip));
            box.appendChild(line);
            lines++;
        });
        if (lines === 0) {
            box.appendChild(element('div', 'cskpi-tip-line', 'no data'));
        }
        return box;
    }

    function element(tag, className, text) {
        var el = document.createElement(tag);
        el.className = className;
        if (text) {
            el.textContent = text;
        }
        return el;
    }

    function attachFormatter(option) {
        var name = option.tooltip && option.tooltip.formatter;
        if (typeof name === 'string') {
            if (!FORMATTERS.hasOwnProperty(name)) {
                throw new Error('no tooltip formatter named ' + name);
            }
            option.tooltip.formatter = FORMATTERS[name];
        }
    }

    /* Gives the drawn SVG a viewBox, so that the print style sheet can scale it to the paper's
       width (the print layout is not there yet when beforeprint fires, so charts cannot be
       redrawn to fit it). */
    function scalable(el) {
        var svg = el.querySelector('svg');
        if (svg && svg.getAttribute('width')) {
            svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height'));
        }
    }

    function draw(el) {
        try {
            var source = document.getElementById(el.getAttribute('data-option'));
            var option = JSON.parse(source.textContent);
            attachFormatter(option);
            var chart = echarts.init(el, null, {renderer: 'svg'});
            chart.on('finished', function () {
                scalable(el);
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
