// The cockpit's charts with Apache ECharts, served by the Host from wwwroot/lib/echarts (ADR 0039): loaded on the first
// chart, so other pages do not pay for it. Blazor passes the data; the options are built here, and a click on a bar
// goes back to .NET (drill-down) through the component's reference.
let loading;

function load() {
    if (window.echarts) return Promise.resolve(window.echarts);
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'lib/echarts/echarts.min.js';
        script.onload = () => resolve(window.echarts);
        script.onerror = () => reject(new Error('echarts could not be loaded'));
        document.head.appendChild(script);
    });
    return loading;
}

const phaseColours = { publicity: '#90caf9', application: '#a5d6a7', 'gap-filling': '#ffe082', acceptance: '#ffab91', naming: '#ce93d8' };
const font = { fontFamily: 'sans-serif' };

function overdue(data) {
    return {
        textStyle: font,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 36, right: 16, top: 44, bottom: 60 },
        dataZoom: [{ type: 'slider', height: 18, bottom: 8 }],
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(s => ({ name: s.townshipName, type: 'bar', stack: 'overdue', data: s.counts, townshipCode: s.townshipCode })),
    };
}

function onTime(data) {
    return {
        textStyle: font,
        tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '—' : v + '%') },
        grid: { left: 40, right: 16, top: 24, bottom: 60 },
        xAxis: { type: 'category', data: data.map(r => r.townshipName), axisLabel: { rotate: 40 } },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'bar', data: data.map(r => (r.rate == null ? null : Math.round(r.rate * 1000) / 10)), itemStyle: { color: '#43a047' },
            label: { show: true, position: 'top', formatter: p => (p.value == null ? '' : p.value + '%') } }],
    };
}

function stageDays(data) {
    return {
        textStyle: font,
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 24, bottom: 80 },
        xAxis: { type: 'category', data: data.map(r => r.name), axisLabel: { rotate: 40, interval: 0 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: data.map(r => r.averageDays), itemStyle: { color: '#1e88e5' }, label: { show: true, position: 'top' } }],
    };
}

// Each township a row; in it the plan's phases as a pale upper band and the actual phases as a solid lower band.
function gantt(data) {
    const rows = data.rows.map(r => r.label);
    const items = [];
    data.rows.forEach((r, i) => {
        r.planned.forEach(p => items.push({ value: [i, p.from, p.to, 0, p.name], itemStyle: { color: phaseColours[p.phase] ?? '#ccc', opacity: 0.45 } }));
        r.actual.forEach(p => items.push({ value: [i, p.from, p.to ?? data.today, 1, p.name + (p.to ? '' : '（进行中）')], itemStyle: { color: phaseColours[p.phase] ?? '#888' } }));
    });
    const day = 86400000;
    return {
        textStyle: font,
        tooltip: { formatter: p => `${rows[p.value[0]]}<br>${p.value[3] ? '实际' : '计划'}：${p.value[4]}<br>${p.value[1]} — ${p.value[2]}` },
        grid: { left: 120, right: 24, top: 24, bottom: 40 },
        dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 18, bottom: 8 }],
        xAxis: { type: 'time', min: data.from, max: data.to },
        yAxis: { type: 'category', data: rows, inverse: true },
        series: [{
            type: 'custom',
            encode: { x: [1, 2], y: 0 },
            renderItem: (params, api) => {
                const row = api.value(0);
                const start = api.coord([api.value(1), row]);
                const end = api.coord([+new Date(api.value(2)) + day, row]);
                const band = api.size([0, 1])[1] * 0.36;
                const y = start[1] - band + (api.value(3) ? band : 0) + 1;
                return { type: 'rect', shape: { x: start[0], y, width: Math.max(2, end[0] - start[0]), height: band - 2 }, style: api.style() };
            },
            data: items,
            markLine: { symbol: 'none', silent: true, label: { formatter: '今天 ' + data.today }, lineStyle: { color: '#d32f2f', type: 'solid', width: 2 },
                data: [{ xAxis: data.today }] },
        }],
    };
}

const builders = { overdue, onTime, stageDays, gantt };

// What each chart has nothing to draw from, and what it then says instead of showing bare axes.
const emptyNotes = {
    overdue: [d => d.series.every(s => s.counts.every(c => !c)), '没有逾期任务'],
    onTime: [d => d.every(r => r.rate == null), '尚无办结的任务'],
    stageDays: [d => d.every(r => r.averageDays == null), '尚无完成的阶段'],
};

function withEmptyNote(kind, data, option) {
    const [isEmpty, text] = emptyNotes[kind] ?? [() => false, ''];
    const empty = isEmpty(data);
    if (empty) option.graphic = [{ type: 'text', left: 'center', top: 'middle', silent: true, style: { text, fill: '#78909c', fontSize: 14 } }];
    return [option, empty];
}

export async function render(element, kind, data, dotnet) {
    const echarts = await load();
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
    const [option, empty] = withEmptyNote(kind, data, builders[kind](data));
    chart.setOption(option, true);
    element.dataset.empty = empty ? 'true' : 'false';
    chart.off('click');
    if (dotnet && kind === 'overdue') {
        chart.on('click', p => dotnet.invokeMethodAsync('OnOverdueBarClicked', p.seriesIndex, p.dataIndex));
    }
    element.__resize ??= new ResizeObserver(() => chart.resize());
    element.__resize.observe(element);
    element.dataset.rendered = 'true';
}

export function dispose(element) {
    element.__resize?.disconnect();
    window.echarts?.getInstanceByDom(element)?.dispose();
}
