/* Starts the vendored Swagger UI on /api/v1/docs with the settings the page carries as a JSON data block. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  var csrfToken = document.body.dataset.csrfToken;
  config.dom_id = "#swagger-ui";
  config.presets = [window.SwaggerUIBundle.presets.apis];
  config.requestInterceptor = function (request) {
    // "Try it out" with a signed-in session needs the CSRF token on unsafe methods.
    if (csrfToken) {
      request.headers["X-CSRFToken"] = csrfToken;
    }
    return request;
  };
  window.ui = window.SwaggerUIBundle(config);
})();
