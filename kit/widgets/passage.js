// A passage shown as text, with its words (or sentences) selectable in place.
//
// Python sends the passage as paragraphs of pieces: [text, -1] is plain text (spaces,
// punctuation, quotation marks), [text, n] is the n-th selectable unit. The units are check
// boxes (role="checkbox", aria-checked) inside one named group, with a roving tabindex: Tab
// enters the passage on one unit, the arrow keys move between units, Home and End go to the
// first and last, Space or Enter selects or clears, and Tab leaves for the next control. A
// mouse click selects or clears too. The selection goes back to Python as the trait "selected"
// (the units' numbers, in text order).
//
// Each change goes to Python as a message of its own ({selected, token}), not as a state
// update: ipywidgets holds back a model's second state update until the kernel has answered
// the first, so a quick "select, select, Check" could reach the kernel as "select, Check,
// select" and be checked one word short (a keyboard test saw it). Messages keep their order.
// Python answers each with the new "selected" and "ack" = its token; until the answer to the
// last change made here comes back, older answers are not painted over the newer selection.

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "newskit-passage";
  box.setAttribute("role", "group");
  box.setAttribute("data-lm-suppress-shortcuts", "true");
  const help = document.createElement("p");
  help.className = "newskit-passage-help";
  el.append(box);

  let units = [];
  let current = 0;
  let chosen = new Set(model.get("selected") || []);
  let waitingFor = null; // the token of the last change sent, until Python has answered it
  let sent = 0;
  const view = Math.random().toString(36).slice(2); // tells this view's tokens from others'

  const paint = () => {
    units.forEach((unit, index) => {
      const on = chosen.has(index);
      unit.setAttribute("aria-checked", on ? "true" : "false");
      unit.classList.toggle("newskit-unit-selected", on);
    });
  };

  const focusUnit = (index, move = true) => {
    if (!units.length) return;
    current = Math.max(0, Math.min(units.length - 1, index));
    units.forEach((unit, n) => unit.setAttribute("tabindex", n === current ? "0" : "-1"));
    if (move) units[current].focus();
  };

  const toggle = (index) => {
    if (chosen.has(index)) chosen.delete(index);
    else chosen.add(index);
    waitingFor = `${view}:${++sent}`;
    model.send({ selected: [...chosen].sort((a, b) => a - b), token: waitingFor });
    paint();
  };

  // A change from Python: its answer to this view's last change, or its own (a restored
  // answer, a reset). An answer to an older change is left alone: a newer one is on its way.
  const fromPython = () => {
    if (waitingFor !== null) {
      if (model.get("ack") !== waitingFor) return;
      waitingFor = null;
    }
    chosen = new Set(model.get("selected") || []);
    paint();
  };

  const draw = () => {
    box.textContent = "";
    box.setAttribute("aria-label", model.get("label"));
    help.textContent = model.get("help");
    box.append(help);
    units = [];
    for (const paragraph of model.get("paragraphs")) {
      const p = document.createElement("p");
      p.className = "newskit-passage-paragraph";
      if (paragraph.label) {
        const tag = document.createElement("span");
        tag.className = "newskit-passage-pid";
        tag.textContent = paragraph.label;
        p.append(tag, " ");
      }
      for (const [text, index] of paragraph.pieces) {
        if (index < 0) {
          p.append(text);
          continue;
        }
        const unit = document.createElement("span");
        unit.className = "newskit-unit";
        unit.setAttribute("role", "checkbox");
        unit.setAttribute("aria-checked", "false");
        unit.setAttribute("tabindex", "-1");
        unit.setAttribute("data-lm-suppress-shortcuts", "true");
        unit.dataset.index = String(index);
        unit.textContent = text;
        units[index] = unit;
        p.append(unit);
      }
      box.append(p);
    }
    focusUnit(Math.min(current, units.length - 1), false);
    paint();
  };

  box.addEventListener("click", (event) => {
    const unit = event.target.closest(".newskit-unit");
    if (!unit) return;
    const index = Number(unit.dataset.index);
    focusUnit(index);
    toggle(index);
  });

  box.addEventListener("keydown", (event) => {
    const unit = event.target.closest(".newskit-unit");
    if (!unit || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(unit.dataset.index);
    const moves = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: units.length - 1,
    };
    if (event.key in moves) {
      focusUnit(moves[event.key]);
    } else if (event.key === " " || event.key === "Enter") {
      toggle(index);
    } else {
      return; // Tab and everything else keep their usual meaning
    }
    event.preventDefault();
    event.stopPropagation();
  });

  draw();
  model.on("change:paragraphs", draw);
  model.on("change:label", draw);
  model.on("change:selected", fromPython);
  model.on("change:ack", fromPython);
}

export default { render };
