// The application-form builder (表单设计器) of the guide editor: progressive enhancement of the JSON textarea.
//
// Without JavaScript the administrator edits the form schema as JSON (docs/development/form-schema.md). With it,
// the builder shows the same schema as sections and fields (add, order, type, required, options, conditions by
// 情形, prefill) and writes the same dialect back into the textarea on every change; the textarea is what the
// server receives and validates. Keywords the builder does not edit are kept as they are. The JSON view stays
// available for experts; editing it re-reads the builder when the JSON is valid.
(function () {
  "use strict";

  var textarea = document.querySelector("textarea[data-form-builder]");
  var root = textarea && document.querySelector('[data-form-builder-for="' + textarea.id + '"]');
  var stringsNode = document.getElementById("form-builder-strings");
  if (!textarea || !root || !stringsNode || !window.JSON) { return; }
  var T = JSON.parse(stringsNode.textContent);

  var TYPES = ["text", "textarea", "integer", "number", "date", "email", "boolean", "choice", "id_number", "credit_code", "phone"];
  var PREFILL = {
    text: ["user.real_name", "enterprise.name", "enterprise.legal_representative"],
    id_number: ["user.id_number"],
    phone: ["user.phone"],
    credit_code: ["enterprise.credit_code"]
  };
  var NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

  var schema = null; // the whole document; only what the builder edits is changed
  var openFields = {}; // fields whose card is unfolded (new ones, and those the administrator opened)
  var sections = []; // [{title, fields: [name]}]; the last entry with ungrouped=true holds fields in no section
  var uid = 0;

  // --- reading and writing the schema -------------------------------------------------------------------------

  function clone(value) { return JSON.parse(JSON.stringify(value)); }
  function props() { return schema.properties; }

  function kindOf(prop) {
    if (prop.type === "boolean") { return "boolean"; }
    if (Array.isArray(prop.enum)) { return "choice"; }
    if (prop.type === "integer" || prop.type === "number") { return prop.type; }
    if (prop.format === "date" || prop.format === "email") { return prop.format; }
    if (prop["x-format"]) { return prop["x-format"]; }
    if (prop["x-widget"] === "textarea") { return "textarea"; }
    return "text";
  }

  function load(text) {
    var parsed = text.trim() ? JSON.parse(text) : {};
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) { throw new Error("not an object"); }
    if (!parsed.properties || typeof parsed.properties !== "object") { parsed.properties = {}; }
    if (!parsed.type) { parsed.type = "object"; }
    schema = parsed;
    sections = [];
    var placed = {};
    (Array.isArray(schema["x-sections"]) ? schema["x-sections"] : []).forEach(function (raw) {
      var names = (raw && Array.isArray(raw.fields) ? raw.fields : []).filter(function (n) {
        return Object.prototype.hasOwnProperty.call(props(), n) && !placed[n];
      });
      names.forEach(function (n) { placed[n] = true; });
      sections.push({ title: String((raw && raw.title) || ""), fields: names, key: ++uid });
    });
    var rest = Object.keys(props()).filter(function (n) { return !placed[n]; });
    sections.push({ title: "", fields: rest, ungrouped: true, key: ++uid });
  }

  function orderedNames() {
    var names = [];
    sections.forEach(function (s) { names = names.concat(s.fields); });
    return names;
  }

  function write() {
    var ordered = {};
    orderedNames().forEach(function (n) { ordered[n] = props()[n]; });
    schema.properties = ordered;
    var named = sections.filter(function (s) { return !s.ungrouped; });
    if (named.length) {
      schema["x-sections"] = named.map(function (s) { return { title: s.title, fields: s.fields.slice() }; });
    } else {
      delete schema["x-sections"];
    }
    if (Array.isArray(schema.required) && !schema.required.length) { delete schema.required; }
    if (Array.isArray(schema["x-required-if"]) && !schema["x-required-if"].length) { delete schema["x-required-if"]; }
    if (!Object.keys(schema.properties).length && !schema.title) {
      textarea.value = "{}";
    } else {
      textarea.value = JSON.stringify(schema, null, 2);
    }
  }

  // --- required, conditions, renames ---------------------------------------------------------------------------

  function requiredState(name) {
    if ((schema.required || []).indexOf(name) !== -1) { return true; }
    return (schema["x-required-if"] || []).some(function (rule) {
      return rule && Array.isArray(rule.then) && rule.then.indexOf(name) !== -1;
    });
  }

  function setRequired(name, on) {
    schema.required = (schema.required || []).filter(function (n) { return n !== name; });
    schema["x-required-if"] = (schema["x-required-if"] || []).map(function (rule) {
      if (rule && Array.isArray(rule.then)) { rule.then = rule.then.filter(function (n) { return n !== name; }); }
      return rule;
    }).filter(function (rule) { return !rule || !Array.isArray(rule.then) || rule.then.length; });
    if (!on) { return; }
    var showIf = props()[name]["x-show-if"];
    if (showIf && typeof showIf === "object" && Object.keys(showIf).length) {
      // A field shown only in a situation is required only in it (x-required-if), as in the dialect's example.
      schema["x-required-if"].push({ "if": clone(showIf), then: [name] });
    } else {
      schema.required.push(name);
    }
  }

  function rename(oldName, newName) {
    var renamed = {};
    Object.keys(props()).forEach(function (n) { renamed[n === oldName ? newName : n] = props()[n]; });
    schema.properties = renamed;
    sections.forEach(function (s) { s.fields = s.fields.map(function (n) { return n === oldName ? newName : n; }); });
    schema.required = (schema.required || []).map(function (n) { return n === oldName ? newName : n; });
    function fixCondition(cond) {
      if (cond && typeof cond === "object" && Object.prototype.hasOwnProperty.call(cond, oldName)) {
        cond[newName] = cond[oldName];
        delete cond[oldName];
      }
    }
    (schema["x-required-if"] || []).forEach(function (rule) {
      if (!rule) { return; }
      fixCondition(rule["if"]);
      if (Array.isArray(rule.then)) { rule.then = rule.then.map(function (n) { return n === oldName ? newName : n; }); }
    });
    Object.keys(props()).forEach(function (n) { fixCondition(props()[n]["x-show-if"]); });
  }

  function removeField(name) {
    setRequired(name, false);
    delete props()[name];
    sections.forEach(function (s) { s.fields = s.fields.filter(function (n) { return n !== name; }); });
    var dropped = 0;
    schema["x-required-if"] = (schema["x-required-if"] || []).filter(function (rule) {
      var uses = rule && rule["if"] && Object.prototype.hasOwnProperty.call(rule["if"], name);
      if (uses) { dropped += 1; }
      return !uses;
    });
    Object.keys(props()).forEach(function (n) {
      var cond = props()[n]["x-show-if"];
      if (cond && Object.prototype.hasOwnProperty.call(cond, name)) {
        delete cond[name];
        dropped += 1;
        if (!Object.keys(cond).length) { delete props()[n]["x-show-if"]; }
      }
    });
    return dropped;
  }

  function setKind(name, kind) {
    var prop = props()[name];
    if (kind === kindOf(prop)) { return; }
    ["format", "x-format", "enum", "x-enum-labels", "x-widget", "minLength", "maxLength", "pattern", "minimum", "maximum", "x-prefill"].forEach(function (k) {
      var keep = (k === "maxLength" || k === "minLength" || k === "pattern") && (kind === "text" || kind === "textarea");
      keep = keep || ((k === "minimum" || k === "maximum") && (kind === "integer" || kind === "number"));
      keep = keep || ((k === "enum" || k === "x-enum-labels") && kind === "choice");
      if (!keep) { delete prop[k]; }
    });
    prop.type = kind === "boolean" ? "boolean" : (kind === "integer" || kind === "number") ? kind : "string";
    if (kind === "textarea") { prop["x-widget"] = "textarea"; }
    if (kind === "date" || kind === "email") { prop.format = kind; }
    if (kind === "id_number" || kind === "credit_code" || kind === "phone") { prop["x-format"] = kind; }
    if (kind === "text" && prop.maxLength === undefined) { prop.maxLength = 100; }
    if (kind === "textarea" && prop.maxLength === undefined) { prop.maxLength = 1000; }
    if (kind === "choice" && !Array.isArray(prop.enum)) {
      prop.enum = [T.option1, T.option2];
      prop["x-enum-labels"] = [T.option1, T.option2];
    }
  }

  function optionsText(prop) {
    var labels = Array.isArray(prop["x-enum-labels"]) ? prop["x-enum-labels"] : [];
    return (prop.enum || []).map(function (value, i) {
      var label = labels[i] !== undefined ? String(labels[i]) : String(value);
      return label === String(value) ? label : String(value) + "｜" + label;
    }).join("\n");
  }

  function setOptions(prop, text) {
    var values = [];
    var labels = [];
    text.split("\n").forEach(function (line) {
      line = line.trim();
      if (!line) { return; }
      var parts = line.replace("|", "｜").split("｜");
      var value = parts[0].trim();
      var label = parts.length > 1 ? parts.slice(1).join("｜").trim() : value;
      var typed = prop.type === "integer" || prop.type === "number" ? Number(value) : value;
      values.push(typed);
      labels.push(label || value);
    });
    prop.enum = values;
    prop["x-enum-labels"] = labels;
  }

  // --- rendering --------------------------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function labelled(id, label, control, help) {
    var wrap = el("div", { "class": "col-12 col-md-6" }, [el("label", { "class": "form-label small", "for": id, text: label }), control]);
    if (help) {
      control.setAttribute("aria-describedby", id + "-help");
      wrap.appendChild(el("div", { "class": "form-text", id: id + "-help", text: help }));
    }
    return wrap;
  }

  function select(id, options, value) {
    var node = el("select", { id: id, "class": "form-select form-select-sm" });
    options.forEach(function (o) {
      var opt = el("option", { value: o[0], text: o[1] });
      if (String(o[0]) === String(value)) { opt.selected = true; }
      node.appendChild(opt);
    });
    return node;
  }

  var status = el("p", { "class": "small text-muted mb-2", role: "status", id: "form-builder-status" });

  function say(message) { status.textContent = message; }

  function changed(message) {
    write();
    render();
    if (message) { say(message); }
  }

  function fieldCard(section, name, index) {
    var prop = props()[name];
    var id = "fb-" + section.key + "-" + index;
    var kind = kindOf(prop);
    // One card per field, folded to a one-line summary unless opened (long forms stay scannable).
    var card = el("details", { "class": "border rounded p-2 mb-2 fb-field", "data-field": name });
    card.open = Boolean(openFields[name]);
    card.addEventListener("toggle", function () { openFields[name] = card.open; });
    var facts = [T.types[kind]];
    if (requiredState(name)) { facts.push(T.required); }
    if (prop["x-show-if"]) { facts.push(T.conditional); }
    card.appendChild(el("summary", { "class": "fw-semibold", text: (prop.title || name) + "（" + facts.join("，") + "）" }));
    var row = el("div", { "class": "row g-2 mt-1", role: "group", "aria-label": T.field + " " + (prop.title || name) });
    card.appendChild(row);

    var title = el("input", { id: id + "-title", "class": "form-control form-control-sm", type: "text", value: prop.title || "", maxlength: "200" });
    title.addEventListener("change", function () { prop.title = title.value.trim(); changed(); });
    row.appendChild(labelled(id + "-title", T.title, title));

    var nameInput = el("input", { id: id + "-name", "class": "form-control form-control-sm font-monospace", type: "text", value: name, maxlength: "64" });
    nameInput.addEventListener("change", function () {
      var value = nameInput.value.trim();
      if (value === name) { return; }
      if (!NAME_RE.test(value) || Object.prototype.hasOwnProperty.call(props(), value)) {
        nameInput.value = name;
        say(T.badName);
        return;
      }
      rename(name, value);
      openFields[value] = openFields[name];
      delete openFields[name];
      changed(T.renamed);
    });
    row.appendChild(labelled(id + "-name", T.name, nameInput, T.nameHelp));

    var type = select(id + "-type", TYPES.map(function (k) { return [k, T.types[k]]; }), kind);
    type.addEventListener("change", function () { setKind(name, type.value); changed(); });
    row.appendChild(labelled(id + "-type", T.type, type));

    var sectionSelect = select(id + "-section", sections.map(function (s, i) { return [String(i), s.ungrouped ? T.ungrouped : (s.title || T.untitled)]; }), String(sections.indexOf(section)));
    sectionSelect.addEventListener("change", function () {
      section.fields = section.fields.filter(function (n) { return n !== name; });
      sections[Number(sectionSelect.value)].fields.push(name);
      changed();
    });
    row.appendChild(labelled(id + "-section", T.section, sectionSelect));

    var required = el("input", { id: id + "-required", "class": "form-check-input", type: "checkbox" });
    required.checked = requiredState(name);
    required.addEventListener("change", function () { setRequired(name, required.checked); changed(); });
    row.appendChild(el("div", { "class": "col-12 col-md-6" }, [el("div", { "class": "form-check mt-md-4" }, [required, el("label", { "class": "form-check-label", "for": id + "-required", text: T.required })])]));

    if (kind === "text" || kind === "textarea") {
      var max = el("input", { id: id + "-max", "class": "form-control form-control-sm", type: "number", min: "1", max: "10000", value: prop.maxLength === undefined ? "" : prop.maxLength });
      max.addEventListener("change", function () {
        var n = parseInt(max.value, 10);
        if (n > 0) { prop.maxLength = Math.min(n, 10000); } else { delete prop.maxLength; }
        changed();
      });
      row.appendChild(labelled(id + "-max", T.maxLength, max));
    }
    if (kind === "choice") {
      var options = el("textarea", { id: id + "-options", "class": "form-control form-control-sm", rows: "3" });
      options.value = optionsText(prop);
      options.addEventListener("change", function () { setOptions(prop, options.value); changed(); });
      row.appendChild(labelled(id + "-options", T.options, options, T.optionsHelp));
    }
    if (PREFILL[kind]) {
      var prefill = select(id + "-prefill", [["", T.noPrefill]].concat(PREFILL[kind].map(function (p) { return [p, T.prefill[p]]; })), prop["x-prefill"] || "");
      prefill.addEventListener("change", function () {
        if (prefill.value) { prop["x-prefill"] = prefill.value; } else { delete prop["x-prefill"]; }
        changed();
      });
      row.appendChild(labelled(id + "-prefill", T.prefillLabel, prefill));
    }
    row.appendChild(conditionControls(id, name, prop));

    var description = el("input", { id: id + "-description", "class": "form-control form-control-sm", type: "text", value: prop.description || "" });
    description.addEventListener("change", function () {
      if (description.value.trim()) { prop.description = description.value.trim(); } else { delete prop.description; }
      changed();
    });
    row.appendChild(labelled(id + "-description", T.description, description));

    var actions = el("div", { "class": "col-12 d-flex flex-wrap gap-2" });
    [["up", T.up, index === 0], ["down", T.down, index === section.fields.length - 1], ["remove", T.remove, false]].forEach(function (a) {
      var button = el("button", { type: "button", "class": "btn btn-sm " + (a[0] === "remove" ? "btn-outline-danger" : "btn-outline-secondary"), "data-action": a[0], text: a[1] });
      button.setAttribute("aria-label", a[1] + " " + (prop.title || name));
      if (a[2]) { button.disabled = true; }
      button.addEventListener("click", function () {
        if (a[0] === "remove") {
          var dropped = removeField(name);
          changed(dropped ? T.removedWithConditions : T.removed);
          return;
        }
        var j = a[0] === "up" ? index - 1 : index + 1;
        section.fields[index] = section.fields[j];
        section.fields[j] = name;
        changed(T.moved);
        var again = root.querySelector('[data-field="' + name + '"] [data-action="' + a[0] + '"]');
        if (again && !again.disabled) { again.focus(); }
      });
      actions.appendChild(button);
    });
    row.appendChild(actions);
    return card;
  }

  function situations(except) {
    return Object.keys(props()).filter(function (n) {
      var p = props()[n];
      return n !== except && (p.type === "boolean" || Array.isArray(p.enum));
    });
  }

  function conditionControls(id, name, prop) {
    var wrap = el("div", { "class": "col-12" });
    var cond = prop["x-show-if"];
    var keys = cond && typeof cond === "object" ? Object.keys(cond) : [];
    if (keys.length > 1) {
      wrap.appendChild(el("p", { "class": "small text-muted mb-0", text: T.complexCondition }));
      return wrap;
    }
    var on = keys[0] || "";
    var choices = [["", T.always]].concat(situations(name).map(function (n) { return [n, props()[n].title || n]; }));
    var which = select(id + "-cond", choices, on);
    which.addEventListener("change", function () {
      var wasRequired = requiredState(name);
      if (which.value) {
        var target = props()[which.value];
        var first = target.type === "boolean" ? true : target.enum[0];
        prop["x-show-if"] = {};
        prop["x-show-if"][which.value] = first;
      } else {
        delete prop["x-show-if"];
      }
      setRequired(name, wasRequired);
      changed();
    });
    wrap.appendChild(el("div", { "class": "row g-2" }, [labelled(id + "-cond", T.condition, which)]));
    if (on && props()[on]) {
      var target = props()[on];
      var values = target.type === "boolean" ? [true, false] : target.enum;
      var labels = target.type === "boolean" ? [T.yes, T.no] : (target["x-enum-labels"] || target.enum);
      var chosen = Array.isArray(cond[on]) ? cond[on] : [cond[on]];
      var group = el("fieldset", { "class": "mt-1" }, [el("legend", { "class": "form-label small mb-1", text: T.conditionValues })]);
      values.forEach(function (value, i) {
        var box = el("input", { type: "checkbox", "class": "form-check-input", id: id + "-cond-" + i });
        box.checked = chosen.map(String).indexOf(String(value)) !== -1;
        box.addEventListener("change", function () {
          var picked = values.filter(function (v, k) { return document.getElementById(id + "-cond-" + k).checked; });
          if (!picked.length) { box.checked = true; say(T.needValue); return; }
          prop["x-show-if"][on] = picked.length === 1 ? picked[0] : picked;
          if (requiredState(name)) { setRequired(name, true); }
          changed();
        });
        group.appendChild(el("div", { "class": "form-check form-check-inline" }, [box, el("label", { "class": "form-check-label", "for": id + "-cond-" + i, text: String(labels[i] !== undefined ? labels[i] : value) })]));
      });
      wrap.appendChild(group);
    }
    return wrap;
  }

  function uniqueName() {
    var n = Object.keys(props()).length + 1;
    while (Object.prototype.hasOwnProperty.call(props(), "field_" + n)) { n += 1; }
    return "field_" + n;
  }

  function sectionBlock(section, index) {
    var block = el("section", { "class": "border rounded p-2 mb-3 fb-section", "data-section": section.ungrouped ? "" : section.title });
    var headId = "fb-section-" + section.key;
    var head = el("div", { "class": "d-flex flex-wrap gap-2 align-items-end mb-2" });
    if (section.ungrouped) {
      head.appendChild(el("h3", { "class": "h6 mb-0", id: headId, text: sections.length > 1 ? T.ungroupedTitle : T.fields }));
    } else {
      var title = el("input", { id: headId + "-title", "class": "form-control form-control-sm", type: "text", value: section.title });
      title.addEventListener("change", function () { section.title = title.value.trim(); changed(); });
      head.appendChild(el("div", {}, [el("label", { "class": "form-label small", "for": headId + "-title", text: T.sectionTitle }), title]));
      [["up", T.sectionUp, index === 0], ["down", T.sectionDown, index >= sections.length - 2], ["remove", T.sectionRemove, false]].forEach(function (a) {
        var button = el("button", { type: "button", "class": "btn btn-sm btn-outline-secondary", text: a[1] });
        if (a[2]) { button.disabled = true; }
        button.addEventListener("click", function () {
          if (a[0] === "remove") {
            sections[sections.length - 1].fields = sections[sections.length - 1].fields.concat(section.fields);
            sections.splice(index, 1);
          } else {
            var j = a[0] === "up" ? index - 1 : index + 1;
            sections[index] = sections[j];
            sections[j] = section;
          }
          changed();
        });
        head.appendChild(button);
      });
    }
    block.appendChild(head);
    section.fields.forEach(function (name, i) { block.appendChild(fieldCard(section, name, i)); });
    var add = el("button", { type: "button", "class": "btn btn-sm btn-outline-primary", "data-action": "add-field", text: T.addField });
    add.addEventListener("click", function () {
      var name = uniqueName();
      props()[name] = { type: "string", title: T.newField, maxLength: 100 };
      openFields[name] = true;
      section.fields.push(name);
      changed(T.added);
      var input = root.querySelector('[data-field="' + name + '"] input');
      if (input) { input.focus(); input.select(); }
    });
    block.appendChild(add);
    return block;
  }

  var body = el("div", { id: "form-builder-body" });

  function render() {
    body.innerHTML = "";
    var titleId = "fb-form-title";
    var formTitle = el("input", { id: titleId, "class": "form-control", type: "text", value: schema.title || "" });
    formTitle.addEventListener("change", function () {
      if (formTitle.value.trim()) { schema.title = formTitle.value.trim(); } else { delete schema.title; }
      changed();
    });
    body.appendChild(el("div", { "class": "mb-3" }, [el("label", { "class": "form-label", "for": titleId, text: T.formTitle }), formTitle]));
    sections.forEach(function (s, i) { body.appendChild(sectionBlock(s, i)); });
    var addSection = el("button", { type: "button", "class": "btn btn-sm btn-outline-primary", text: T.addSection });
    addSection.addEventListener("click", function () {
      sections.splice(sections.length - 1, 0, { title: T.newSection, fields: [], key: ++uid });
      changed(T.sectionAdded);
    });
    body.appendChild(addSection);
  }

  // --- the JSON view and start-up --------------------------------------------------------------------------------

  var wrapper = textarea.closest(".field-form_schema") || textarea.parentNode;
  var toggle = el("button", { type: "button", "class": "btn btn-sm btn-outline-secondary mb-2", "aria-expanded": "false", "aria-controls": wrapper.id || "", id: "form-builder-json-toggle", text: T.showJson });

  function showJson(open) {
    wrapper.hidden = !open;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.textContent = open ? T.hideJson : T.showJson;
  }

  toggle.addEventListener("click", function () { showJson(wrapper.hidden); });
  textarea.addEventListener("change", function () {
    try {
      load(textarea.value);
      body.hidden = false;
      render();
      say(T.jsonRead);
    } catch (e) {
      body.hidden = true;
      say(T.jsonInvalid);
    }
  });

  root.appendChild(el("h3", { "class": "h6", text: T.heading }));
  root.appendChild(el("p", { "class": "small text-muted", text: T.intro }));
  root.appendChild(toggle);
  root.appendChild(status);
  root.appendChild(body);
  root.hidden = false;
  try {
    load(textarea.value);
    render();
    // Errors on the form schema are shown in the JSON view, so it stays open when there are any.
    showJson(Boolean(wrapper.querySelector(".invalid-feedback")));
  } catch (e) {
    body.hidden = true;
    showJson(true);
    say(T.jsonInvalid);
  }
})();
