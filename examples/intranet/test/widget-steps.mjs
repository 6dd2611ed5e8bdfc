// Steps through <ikrar-netralitas> as a person does with a pointer: acknowledge every point,
// confirm the prefilled identity, type the name as the signature, sign. Resolves with the
// href of the done step's PDF link.
export async function signTyped(widget, name) {
  for (const box of await widget.getByRole('checkbox').all()) await box.check();
  await widget.getByRole('button', { name: 'Lanjut' }).click();
  await widget.getByRole('heading', { name: /Identitas/ }).waitFor();
  await widget.getByRole('button', { name: 'Lanjut' }).click();
  await widget.getByRole('heading', { name: /Tanda tangan/ }).waitFor();
  await widget.getByRole('button', { name: 'Ketik nama' }).click();
  await widget.getByRole('textbox').last().fill(name);
  await widget.getByRole('button', { name: 'Lanjut' }).click();
  await widget.getByRole('button', { name: 'Tanda tangani ikrar' }).click();
  const pdf = widget.getByRole('link', { name: 'Unduh PDF' });
  await pdf.waitFor({ timeout: 30_000 });
  return pdf.getAttribute('href');
}
