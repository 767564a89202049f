import { isLodashTemplate, lodashToGoTemplate } from '../../lib/migrate/lodash-template';

describe('lodashToGoTemplate', () => {
  test.each([
    ['plain text', 'plain text'],
    ['<%= data.password %>', '{{ .password }}'],
    ["<%= data['tls.crt'] %>", '{{ index . "tls.crt" }}'],
    ['user=<%= JSON.parse(data.creds).user.name %>;', 'user={{ (.creds | fromJson).user.name }};'],
    ['<%= JSON.parse(data["a-b"]).x %>', '{{ ((index . "a-b") | fromJson).x }}'],
    ['{{ literal }} <%= data.k %>', '{{ "{{" }} literal }} {{ .k }}'],
  ])('translates %j', (lodash, go) => {
    // GIVEN / WHEN / THEN
    expect(lodashToGoTemplate(lodash)).toBe(go);
  });

  test.each([
    ['<% if (data.a) { %>x<% } %>'],
    ['<%- data.a %>'],
    ['<%= data.a.toUpperCase() %>'],
    ['<%= Buffer.from(data.a).toString("base64") %>'],
  ])('has no translation for %j', (lodash) => {
    // GIVEN / WHEN / THEN
    expect(lodashToGoTemplate(lodash)).toBeUndefined();
  });

  test('detects lodash tags', () => {
    // GIVEN / WHEN / THEN
    expect(isLodashTemplate('a <%= data.b %>')).toBe(true);
    expect(isLodashTemplate('a {{ .b }}')).toBe(false);
  });
});
