/// <reference types="mocha" />
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deepEqual, equal, ok } from './testing/assert.ts';
import { FakeRegistrationServer } from './testing/fake-registration-server.ts';
import { $, $$, button, mount, toCodeStep, unmountAll } from './testing/fixture.ts';

let server: FakeRegistrationServer;
const pageStyle = document.createElement('style');

beforeEach(() => {
  server = new FakeRegistrationServer().install();
});

afterEach(async () => {
  unmountAll();
  pageStyle.remove();
  server.uninstall();
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe('<chatpoint-register> theming', () => {
  it('takes colours, radius and font from --chatpoint-* properties', async () => {
    const element = await mount();
    element.style.setProperty('--chatpoint-accent', 'rgb(1, 2, 3)');
    element.style.setProperty('--chatpoint-accent-text', 'rgb(250, 250, 250)');
    element.style.setProperty('--chatpoint-radius', '3px');
    element.style.setProperty('--chatpoint-font', '20px/1 monospace');
    const submit = getComputedStyle(button(element, 'Send code'));
    equal(submit.backgroundColor, 'rgb(1, 2, 3)');
    equal(submit.color, 'rgb(250, 250, 250)');
    equal(submit.borderTopLeftRadius, '3px');
    equal(getComputedStyle($(element, '#name')).fontFamily, 'monospace');
    equal(getComputedStyle($(element, '#name')).fontSize, '20px');
  });

  it('exposes its parts to ::part()', async () => {
    pageStyle.textContent = `
      chatpoint-register::part(button) { border-top-width: 7px }
      chatpoint-register::part(input) { border-top-width: 5px }
      chatpoint-register::part(form) { padding-top: 11px }
      chatpoint-register::part(error) { padding-top: 13px }`;
    document.head.append(pageStyle);
    const element = await mount();
    equal(getComputedStyle(button(element, 'Send code')).borderTopWidth, '7px');
    equal(getComputedStyle($(element, '#name')).borderTopWidth, '5px');
    equal(getComputedStyle($(element, 'form')).paddingTop, '11px');
    equal(getComputedStyle($(element, '#name-error')).paddingTop, '13px');
    for (const part of ['base', 'heading', 'field', 'label', 'actions'])
      ok($$(element, `[part~="${part}"]`).length, part);
  });

  it('is light by default, dark with theme="dark", and follows prefers-color-scheme with theme="auto"', async () => {
    const lightAccent = 'rgb(11, 87, 208)';
    const darkAccent = 'rgb(138, 180, 248)';
    const plain = await mount();
    const light = await mount({ theme: 'light' });
    const dark = await mount({ theme: 'dark' });
    const auto = await mount({ theme: 'auto' });
    const accent = (element: typeof plain) => getComputedStyle(button(element, 'Send code')).backgroundColor;
    const background = (element: typeof plain) =>
      getComputedStyle($(element, '[part~="base"]')).backgroundColor;
    await emulateMedia({ colorScheme: 'light' });
    deepEqual([plain, light, dark, auto].map(accent), [lightAccent, lightAccent, darkAccent, lightAccent]);
    equal(background(plain), 'rgb(255, 255, 255)');
    ok(background(dark) !== 'rgb(255, 255, 255)', `dark background ${background(dark)}`);
    await emulateMedia({ colorScheme: 'dark' });
    deepEqual([plain, light, dark, auto].map(accent), [lightAccent, lightAccent, darkAccent, darkAccent]);
    equal(background(plain), 'rgb(255, 255, 255)', 'the default stays light in dark mode');
  });

  it("uses the host page's font unless --chatpoint-font is set", async () => {
    const wrapper = document.createElement('div');
    wrapper.style.font = 'italic 17px Georgia, serif';
    const element = await mount({}, wrapper);
    equal(getComputedStyle($(element, '#name')).fontFamily, 'Georgia, serif');
    equal(getComputedStyle($(element, '#name')).fontSize, '17px');
    equal(getComputedStyle($(element, '[part~="base"]')).fontStyle, 'italic');
  });

  it('has no transition when reduced motion is asked for', async () => {
    const element = await mount();
    equal(getComputedStyle(button(element, 'Send code')).transitionDuration, '0.15s');
    await emulateMedia({ reducedMotion: 'reduce' });
    equal(getComputedStyle(button(element, 'Send code')).transitionDuration, '0s');
  });

  it('shows a focus ring on keyboard focus', async () => {
    const element = await mount();
    $(element, '#name').focus();
    await sendKeys({ press: 'Tab' });
    const style = getComputedStyle($(element, '#email'));
    equal(style.outlineStyle, 'solid');
    equal(style.outlineWidth, '2px');
  });

  it('fits 320 px', async () => {
    const element = await mount();
    element.style.width = '320px';
    const fits = () => {
      const base = $(element, '[part~="base"]');
      ok(base.scrollWidth <= base.clientWidth, `content ${base.scrollWidth}px fits ${base.clientWidth}px`);
      for (const part of $$(element, 'input, button')) {
        ok(part.getBoundingClientRect().right <= element.getBoundingClientRect().right + 0.5, part.outerHTML);
      }
    };
    fits();
    await toCodeStep(element, 'Ann', 'a.very.long.address.without.breaks@subdomain.example.com');
    fits();
  });
});
