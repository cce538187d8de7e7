/*
 * The /query page's enhancements (docs/web.md#the-query-page). Without script the page still
 * works: a plain text area, a Run button, the first 500 rows rendered by the server and a pager
 * that posts the query again. With it:
 * - the text area becomes a CodeMirror SQL editor; Ctrl+Enter (Cmd+Enter on a Mac) runs the query;
 * - the whole result, embedded as JSON (#query-data), is paged here at 500 rows and sorted by a
 *   click on a column header (numbers as numbers, nulls last; a second click reverses);
 * - a bar or line chart of one column against another, drawn with the report's ECharts, in the
 *   table's current order.
 */
(function () {
    'use strict';

    var PAGE_SIZE = 500;
    var COLLATOR = new Intl.Collator(undefined, {numeric: true});

    function startEditor() {
        var form = document.getElementById('query-form');
        var textarea = document.getElementById('sql');
        if (!form || !textarea) {
            return;
        }
        var run = form.querySelector('button[data-run]');
        form.querySelector('.hint').hidden = false;
        var submit = function () {
            if (form.requestSubmit) {
                form.requestSubmit(run);
            } else {
                run.click();
            }
        };
        if (!window.CodeMirror) {
            textarea.addEventListener('keydown', function (event) {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                    event.preventDefault();
                    submit();
                }
            });
            return;
        }
        var runFromEditor = function (editor) {
            editor.save();
            submit();
        };
        var label = document.querySelector('label[for="sql"]');
        var editor = CodeMirror.fromTextArea(textarea, {
            mode: 'text/x-sparksql',
            lineNumbers: true,
            lineWrapping: true,
            viewportMargin: Infinity,
            screenReaderLabel: label ? label.textContent : 'SQL',
            extraKeys: {'Ctrl-Enter': runFromEditor, 'Cmd-Enter': runFromEditor}
        });
        // The save form (saved-queries.js) reads the text area: keep it equal to what is typed.
        editor.on('change', function () {
            editor.save();
        });
    }

    /* Orders rows by one column: numbers by value (text that is no number after them), other
       text in natural order; nulls last in either direction. */
    function comparator(column, numeric, descending) {
        var sign = descending ? -1 : 1;
        var compareValues = numeric ? function (a, b) {
            var x = Number(a);
            var y = Number(b);
            if (isNaN(x) || isNaN(y)) {
                return isNaN(x) - isNaN(y);
            }
            return x - y;
        } : COLLATOR.compare;
        return function (left, right) {
            var a = left[column];
            var b = right[column];
            if (a === null || b === null) {
                return (a === null) - (b === null);
            }
            return sign * compareValues(a, b);
        };
    }

    function cellOf(value, numeric) {
        var td = document.createElement('td');
        if (numeric) {
            td.className = 'num';
        }
        if (value === null) {
            var span = document.createElement('span');
            span.className = 'null';
            span.textContent = 'null';
            td.appendChild(span);
        } else {
            td.textContent = value;
        }
        return td;
    }

    /* The table, its pager and the chart, over one result. */
    function Result(data, source) {
        this.data = data;
        this.rows = data.rows.slice();
        this.table = document.querySelector('table.result');
        this.pager = document.querySelector('form.pager');
        this.page = Number(source.getAttribute('data-page')) || 1;
        this.sortColumn = -1;
        this.descending = false;
        this.chart = null;
    }

    Result.prototype.pages = function () {
        return Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE));
    };

    Result.prototype.show = function (page) {
        var self = this;
        self.page = Math.min(Math.max(1, page), self.pages());
        var start = (self.page - 1) * PAGE_SIZE;
        var end = Math.min(self.rows.length, start + PAGE_SIZE);
        var body = document.createDocumentFragment();
        self.rows.slice(start, end).forEach(function (row) {
            var tr = document.createElement('tr');
            row.forEach(function (value, column) {
                tr.appendChild(cellOf(value, self.data.numeric[column]));
            });
            body.appendChild(tr);
        });
        var tbody = self.table.tBodies[0];
        tbody.textContent = '';
        tbody.appendChild(body);
        self.pager.querySelector('.rows').textContent = 'rows ' + (self.rows.length ? start + 1 : 0) + '–' + end
            + ' of ' + self.rows.length;
        if (self.pages() > 1) {
            self.pager.querySelector('[data-page="previous"]').disabled = self.page === 1;
            self.pager.querySelector('[data-page="next"]').disabled = self.page === self.pages();
        }
    };

    Result.prototype.sortBy = function (column) {
        this.descending = this.sortColumn === column ? !this.descending : false;
        this.sortColumn = column;
        this.rows = this.data.rows.slice().sort(comparator(column, this.data.numeric[column], this.descending));
        var descending = this.descending;
        Array.prototype.forEach.call(this.table.tHead.rows[0].cells, function (th, index) {
            if (index === column) {
                th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
            } else {
                th.removeAttribute('aria-sort');
            }
        });
        this.show(1);
        this.draw();
    };

    Result.prototype.startPager = function () {
        var self = this;
        self.pager.addEventListener('click', function (event) {
            var button = event.target.closest('button[data-page]');
            if (button) {
                event.preventDefault();
                self.show(self.page + (button.getAttribute('data-page') === 'next' ? 1 : -1));
            }
        });
    };

    Result.prototype.startSorting = function () {
        var self = this;
        Array.prototype.forEach.call(self.table.tHead.rows[0].cells, function (th, column) {
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'sort';
            button.textContent = th.textContent;
            button.title = 'Sort by ' + th.textContent;
            th.textContent = '';
            th.appendChild(button);
            button.addEventListener('click', function () {
                self.sortBy(column);
            });
        });
    };

    Result.prototype.startChart = function () {
        var section = document.querySelector('.query-chart');
        if (!section || !window.echarts) {
            return;
        }
        var self = this;
        section.hidden = false;
        self.chart = echarts.init(document.getElementById('query-chart'));
        // after any animation: what a test or a screenshot waits for
        self.chart.on('finished', function () {
            self.chart.getDom().setAttribute('data-chart-state', 'drawn');
        });
        ['chart-x', 'chart-y', 'chart-type'].forEach(function (id) {
            document.getElementById(id).addEventListener('change', function () {
                self.draw();
            });
        });
        window.addEventListener('resize', function () {
            self.chart.getDom().setAttribute('data-chart-state', 'drawing');
            self.chart.resize();
        });
        self.draw();
    };

    Result.prototype.draw = function () {
        if (!this.chart) {
            return;
        }
        var x = Number(document.getElementById('chart-x').value);
        var y = Number(document.getElementById('chart-y').value);
        var type = document.getElementById('chart-type').value;
        var columns = this.data.columns;
        var many = this.rows.length > 60;
        // Up to 60 values every bar keeps its label, cut to its share of the width (the tooltip
        // has it whole), turned 45° where that share is narrow; ECharts would drop every other one.
        var share = (this.chart.getWidth() - 60) / Math.max(1, this.rows.length);
        var turned = !many && share < 56;
        var labels = many ? {} : turned ? {interval: 0, rotate: 45, width: 72, overflow: 'truncate'}
            : {interval: 0, width: share - 8, overflow: 'truncate'};
        this.chart.getDom().setAttribute('data-chart-state', 'drawing');
        this.chart.getDom().setAttribute('role', 'img');
        this.chart.getDom().setAttribute('aria-label', type + ' chart of ' + columns[y] + ' by ' + columns[x]);
        this.chart.setOption({
            color: ['#1f5fbf'],
            animation: !many,
            // containLabel leaves room for the tick labels only: the x axis name below them needs its own.
            grid: {left: 16, right: 24, top: 36, bottom: many ? 88 : 36, containLabel: true},
            tooltip: {trigger: 'axis'},
            dataZoom: many ? [{type: 'inside'}, {type: 'slider', bottom: 8}] : [],
            xAxis: {
                type: 'category',
                name: columns[x],
                nameLocation: 'middle',
                nameGap: turned ? 64 : 28,
                axisLabel: labels,
                data: this.rows.map(function (row) { return row[x] === null ? 'null' : row[x]; })
            },
            yAxis: {type: 'value', name: columns[y]},
            series: [{
                type: type,
                name: columns[y],
                showSymbol: !many,
                data: this.rows.map(function (row) { return row[y] === null ? null : Number(row[y]); })
            }]
        }, true);
    };

    function startResult() {
        var source = document.getElementById('query-data');
        if (!source) {
            return;
        }
        var result = new Result(JSON.parse(source.textContent), source);
        result.startPager();
        result.startSorting();
        result.show(result.page);
        result.startChart();
    }

    function start() {
        startEditor();
        startResult();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
