// Small progressive enhancements; every page works without this file.
document.addEventListener("click", function (event) {
  var example = event.target.closest("[data-example]");
  if (example) {
    var field = document.getElementById(example.getAttribute("data-target"));
    if (field) { field.value = example.getAttribute("data-example"); field.focus(); }
    event.preventDefault();
  }
});
// Forms marked data-reset empty themselves after htmx sent them successfully.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest ? event.target.closest("form[data-reset]") : null;
  if (form && event.detail.successful) { form.reset(); }
});
