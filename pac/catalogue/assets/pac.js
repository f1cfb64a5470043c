// pac catalogue: sortable tables, the product filters, the map's modes, and names and focus
// where Material's markup lacks them. No other script, no other host.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  function sortBy(table, header, index) {
    var numeric = header.getAttribute("data-sort") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  // Each sortable header holds a button (the keyboard's way in); a click anywhere in the
  // header, the button's included, sorts by its column.
  function setUpSorting(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      if (!header.hasAttribute("data-sort")) return;
      header.addEventListener("click", function () { sortBy(table, header, index); });
    });
  }

  // A row matches when its value is the one wanted; a list filter's rows hold JSON lists.
  function matches(row, select) {
    var wanted = select.value;
    if (!wanted) return true;
    var value = row.getAttribute("data-" + select.name) || "";
    if (select.hasAttribute("data-list")) return JSON.parse(value || "[]").indexOf(wanted) !== -1;
    return value === wanted;
  }

  function setUpFilters(form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    var count = form.querySelector(".pac-count");
    var selects = form.querySelectorAll("select");
    function apply() {
      var query = form.elements.q.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var visible = (!query || (row.getAttribute("data-text") || "").indexOf(query) !== -1);
        Array.prototype.forEach.call(selects, function (select) {
          visible = visible && matches(row, select);
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var total = table.tBodies[0].rows.length;
      count.textContent = shown + " of " + total + (total === 1 ? " product" : " products");
    }
    var hash = new URLSearchParams(window.location.hash.slice(1));
    Array.prototype.forEach.call(selects, function (select) {
      if (hash.get(select.name)) select.value = hash.get(select.name);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    apply();
  }

  // The capability map's colouring: coverage, funding or health (#mode=funding links to one).
  function setUpHeatModes(view) {
    var modes = view.querySelector(".pac-heat-modes");
    var buttons = modes.querySelectorAll("button[data-mode]");
    function show(mode) {
      view.setAttribute("data-mode", mode);
      Array.prototype.forEach.call(buttons, function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-mode") === mode));
      });
    }
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () { show(button.getAttribute("data-mode")); });
    });
    var wanted = new URLSearchParams(window.location.hash.slice(1)).get("mode");
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.getAttribute("data-mode") === wanted) show(wanted);
    });
    modes.hidden = false;
  }

  // Material's search is a dialog without a name: it gets its search box's label.
  function nameSearch() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
      var input = dialog.querySelector("input[aria-label]");
      dialog.setAttribute("aria-label", input ? input.getAttribute("aria-label") : "Search");
    });
  }

  // A table wider than the page scrolls inside Material's wrapper, which the keyboard can
  // scroll only once it takes focus: it does, as a region named after the heading above it.
  function heading(element) {
    for (var e = element; e; e = e.previousElementSibling) {
      if (/^H[1-6]$/.test(e.tagName)) return e.textContent.replace(/\u00b6/g, "").trim();
    }
    return "";
  }

  function scrollByKeyboard() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (heading(wrap) || "Table") + " (scrolls sideways)");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function init() {
    nameSearch();
    scrollByKeyboard();
    document.querySelectorAll("table[data-sortable]").forEach(setUpSorting);
    document.querySelectorAll("form.pac-filters").forEach(setUpFilters);
    document.querySelectorAll(".pac-heat-view").forEach(setUpHeatModes);
  }

  window.addEventListener("resize", scrollByKeyboard);
  // Material's instant loading replaces pages without a reload: hook into its observable.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
