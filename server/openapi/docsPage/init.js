// Starts Swagger UI on the FlashNotify OpenAPI document. A file rather than an inline <script>, because the
// Content-Security-Policy (helmet's default, `script-src 'self'`) forbids inline scripts.
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // Installs may be air-gapped: never call the public swagger.io validator.
    validatorUrl: null,
    // The API key or user token typed into "Authorize" stays in memory, never in localStorage.
    persistAuthorization: false,
  });
});
