// Draws BPMN diagrams with bpmn-js's NavigatedViewer (served from lib/bpmn-js, no CDN; ADR 0044) for the Blazor
// component BpmnDiagram: show(), then mark shapes (active, completed, waiting, problem, selected) and report clicks.
const viewers = new WeakMap();
let loading;

function loadViewer() {
  if (window.BpmnJS) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    for (const href of ['lib/bpmn-js/diagram-js.css', 'lib/bpmn-js/bpmn-js.css', 'css/bpmn-diagram.css']) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }
    const script = document.createElement('script');
    script.src = 'lib/bpmn-js/bpmn-navigated-viewer.production.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('bpmn-js could not be loaded'));
    document.head.appendChild(script);
  });
  return loading;
}

const markers = ['active', 'completed', 'waiting', 'incident', 'problem', 'selected'];

export async function show(container, xml, marks, dotnet) {
  await loadViewer();
  let viewer = viewers.get(container);
  if (!viewer) {
    viewer = new window.BpmnJS({ container });
    viewers.set(container, viewer);
    viewer.get('eventBus').on('element.click', e => {
      const id = e.element.businessObject?.id;
      if (dotnet && id && e.element.type !== 'bpmn:Process') dotnet.invokeMethodAsync('ElementClicked', id);
    });
  }
  await viewer.importXML(xml);
  mark(container, marks);
  focus(viewer, marks);
  container.dataset.rendered = String(Number(container.dataset.rendered || 0) + 1);
}

// marks: { active: [ids], completed: [...], waiting: [...], incident: [...], problem: [{id, count, text}], selected: id }
export function mark(container, marks) {
  const viewer = viewers.get(container);
  if (!viewer) return;
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  overlays.remove({ type: 'problem' });
  for (const element of registry.getAll()) for (const m of markers) canvas.removeMarker(element, 'shizhu-' + m);
  const add = (id, m) => { if (registry.get(id)) canvas.addMarker(id, 'shizhu-' + m); };
  for (const m of ['active', 'completed', 'waiting', 'incident']) for (const id of marks?.[m] ?? []) add(id, m);
  for (const p of marks?.problem ?? []) {
    if (!registry.get(p.id)) continue;
    add(p.id, 'problem');
    const badge = document.createElement('div');
    badge.className = 'shizhu-problem-badge';
    badge.textContent = String(p.count);
    badge.title = p.text;
    badge.dataset.element = p.id;
    overlays.add(p.id, 'problem', { position: { top: -10, right: 10 }, html: badge });
  }
  if (marks?.selected) add(marks.selected, 'selected');
  container.dataset.marked = String(Number(container.dataset.marked || 0) + 1);
}

// A whole template fitted into the box is too small to read: below 60 % the diagram opens at 60 % on its start, or on
// the first shape the workflow waits at; people pan and zoom from there.
function focus(viewer, marks) {
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport', 'auto');
  if (canvas.zoom() >= 0.6) return;
  const box = canvas.viewbox();
  canvas.viewbox({ x: box.inner.x - 20, y: box.inner.y - 20, width: box.outer.width / 0.6, height: box.outer.height / 0.6 });
  const target = [...(marks?.active ?? []), ...(marks?.waiting ?? []), ...(marks?.problem ?? []).map(p => p.id)]
    .map(id => viewer.get('elementRegistry').get(id)).find(Boolean);
  if (target) canvas.scrollToElement(target, { top: 80, left: 120, right: 120, bottom: 80 });
}

export function dispose(container) {
  viewers.get(container)?.destroy();
  viewers.delete(container);
}
