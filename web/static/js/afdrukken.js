/* The print button on result pages (macros.afdrukken). Without JavaScript the button stays hidden and the hint
   next to it (Ctrl+P / Cmd+P) still works. A file, not inline script: the Content-Security-Policy allows only 'self'. */
document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
  knop.hidden = false;
  knop.addEventListener("click", function () { window.print(); });
});
