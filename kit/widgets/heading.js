// The heading of an exercise, and the few things ipywidgets cannot say from Python.
//
// It draws the exercise's title as a real heading, with the prompt under it. Then it finds the
// exercise box it sits in (the element with the class "newskit-exercise") and:
//   - marks it and every control in it with data-lm-suppress-shortcuts, so JupyterLab and
//     Notebook 7 leave the keys typed inside the exercise (arrows, letters, Enter, Space) to
//     the exercise's controls;
//   - makes it a group named by the heading;
//   - gives each control the name the kit chose for it ("Position of: ..."), found by the class
//     "newskit-name-N" that Python put on the control's widget;
//   - turns radio buttons into a radio group named by their visible "Answer:" label;
//   - makes the feedback area a polite live region before any feedback is written into it.
// A MutationObserver applies the same again when ipywidgets draws a control anew.

// Each widget may load its own copy of this module, so ids carry a random part too.
let counter = 0;
const uid = (prefix) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

function nameControls(box, names) {
  names.forEach((name, index) => {
    for (const holder of box.querySelectorAll(`.newskit-name-${index}`)) {
      const control = holder.matches("select, input, textarea, button")
        ? holder
        : holder.querySelector("select, textarea, button, input:not([type=radio])");
      if (control && control.getAttribute("aria-label") !== name) {
        control.setAttribute("aria-label", name);
      }
    }
  });
}

function groupRadios(box) {
  for (const radio of box.querySelectorAll(".widget-radio")) {
    const group = radio.querySelector(".widget-radio-box");
    const label = radio.querySelector(":scope > label.widget-label");
    if (!group) continue;
    // ipywidgets gives its radio buttons no name, so the browser does not know they belong
    // together: each would be its own Tab stop. One name per group makes Tab enter and leave
    // the group once, and the arrow keys move the choice within it.
    group.dataset.newskitGroup = group.dataset.newskitGroup || uid("newskit-radios");
    for (const input of group.querySelectorAll("input[type=radio]")) {
      if (input.name !== group.dataset.newskitGroup) input.name = group.dataset.newskitGroup;
    }
    if (group.getAttribute("role") === "radiogroup") continue;
    group.setAttribute("role", "radiogroup");
    if (label && label.textContent.trim()) {
      label.id = label.id || uid("newskit-radio-label");
      group.setAttribute("aria-labelledby", label.id);
    } else {
      group.setAttribute("aria-label", "Answer");
    }
  }
}

// Lumino looks for the attribute from the focused element upwards but stops at the first
// element that matches a shortcut's selector, and the notebook's selectors end in ":focus": so
// the attribute goes on every control that can take the focus, not only on the exercise box.
const FOCUSABLE = "input, select, textarea, button, [tabindex]";

function groupCheckboxes(box) {
  for (const group of box.querySelectorAll(".newskit-checkgroup")) {
    if (group.getAttribute("role") === "group") continue;
    const label = group.querySelector(".newskit-group-label");
    group.setAttribute("role", "group");
    if (label) {
      label.id = label.id || uid("newskit-group-label");
      group.setAttribute("aria-labelledby", label.id);
    }
  }
}

function enhance(box, model, headingId) {
  for (const element of [box, ...box.querySelectorAll(FOCUSABLE)]) {
    if (!element.hasAttribute("data-lm-suppress-shortcuts")) {
      element.setAttribute("data-lm-suppress-shortcuts", "true");
    }
  }
  box.setAttribute("role", "group");
  box.setAttribute("aria-labelledby", headingId);
  nameControls(box, model.get("names") || []);
  groupRadios(box);
  groupCheckboxes(box);
  // ipywidgets writes title="null" on labels without a tooltip: a screen reader may read it
  for (const label of box.querySelectorAll('[title="null"]')) label.removeAttribute("title");
  for (const feedback of box.querySelectorAll(".newskit-feedback")) {
    if (feedback.getAttribute("role") !== "status") {
      feedback.setAttribute("role", "status");
      feedback.setAttribute("aria-live", "polite");
    }
  }
}

function render({ model, el }) {
  const headingId = uid("newskit-heading");
  el.classList.add("newskit-prompt");
  const heading = document.createElement("h3");
  heading.className = "newskit-title";
  heading.id = headingId;
  const title = document.createElement("span");
  title.className = "newskit-title-text";
  heading.appendChild(title);
  const level = document.createElement("small");
  heading.appendChild(level);
  const note = document.createElement("p");
  note.className = "newskit-note";
  const prompt = document.createElement("p");
  prompt.className = "newskit-prompt-text";
  el.append(heading, note, prompt);

  const draw = () => {
    title.textContent = model.get("title");
    const difficulty = model.get("difficulty");
    level.textContent = difficulty ? ` (${difficulty})` : "";
    note.textContent = model.get("note");
    note.hidden = !model.get("note");
    prompt.textContent = model.get("prompt");
  };
  draw();
  for (const name of ["title", "difficulty", "note", "prompt"]) model.on(`change:${name}`, draw);

  // The view is put into the page after render() returns: wait until it is there.
  let observer = null;
  let tries = 0;
  const attach = () => {
    const box = el.closest(".newskit-exercise");
    if (!box) {
      if (++tries < 400) setTimeout(attach, 25);
      return;
    }
    enhance(box, model, headingId);
    observer = new MutationObserver(() => enhance(box, model, headingId));
    observer.observe(box, { childList: true, subtree: true });
  };
  attach();
  model.on("change:names", () => {
    const box = el.closest(".newskit-exercise");
    if (box) enhance(box, model, headingId);
  });
  return () => observer && observer.disconnect();
}

export default { render };
