// `?link=…&endpoint=…` in the address overrides the placeholders, to try the page against any server.
const form = document.querySelector('chatpoint-register');
const params = new URLSearchParams(location.search);
for (const name of ['link', 'endpoint']) {
  if (params.has(name)) form.setAttribute(name, params.get(name));
}
form.addEventListener('chatpoint-registered', (event) => {
  document.querySelector('#result').textContent = `Registered: ${event.detail.user.name}`;
});
