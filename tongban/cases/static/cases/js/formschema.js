// Show or hide application-form fields that apply only in one situation (x-show-if).
// Without JavaScript every field is shown with a hint, and the server ignores fields of other situations.
(function () {
  "use strict";
  function currentValue(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.type === "radio") { if (el.checked) { return el.value; } continue; }
      if (el.type === "checkbox") { return el.checked ? "true" : "false"; }
      return el.value;
    }
    return "";
  }
  function update(form) {
    form.querySelectorAll("[data-show-if]").forEach(function (el) {
      var rule = JSON.parse(el.getAttribute("data-show-if"));
      var shown = Object.keys(rule).every(function (name) {
        var expected = Array.isArray(rule[name]) ? rule[name] : [rule[name]];
        return expected.map(String).indexOf(currentValue(form, name)) !== -1;
      });
      var wrapper = el.closest("[data-field]");
      if (wrapper) { wrapper.hidden = !shown; }
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-show-if]")) { return; }
    form.addEventListener("change", function () { update(form); });
    update(form);
  });
})();
