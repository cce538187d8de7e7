// The query page's save form (query/saved.peb) saves what the editor holds now, not only the
// text the page was rendered with: on submit, the editor's text goes into the form's hidden field.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('save-query');
  var editor = document.getElementById('sql');
  if (!form || !editor) {
    return;
  }
  form.addEventListener('submit', function () {
    form.elements.namedItem('sql').value = editor.value;
  });
});
