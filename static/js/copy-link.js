// Progressive enhancement: "Link to this round" is a plain link; where the browser
// can write to the clipboard, a click copies the address instead and says so.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-copy]");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  const status = link.parentElement.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(link.dataset.copy);
    if (status) status.textContent = " Link copied.";
  } catch {
    if (status) status.textContent = " Copying failed: copy the address from the link instead.";
  }
});
