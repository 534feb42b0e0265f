// Title suggestions for the header's site search, as a WAI-ARIA 1.2 combobox (list
// autocomplete): the input gets role=combobox and controls a listbox of page titles fetched
// from the JSON endpoint named in data-suggest-url. Arrow keys move through the options
// (aria-activedescendant: the focus stays in the input), Enter opens the chosen page, Escape
// closes the list, a click on an option opens it. A polite live region says how many
// suggestions there are. Without this script the form simply submits to the search page.
(function () {
    "use strict";
    var MIN_CHARS = 2;
    var DELAY_MS = 150;

    function setup(input) {
        var url = input.getAttribute("data-suggest-url");
        if (!url || !window.fetch) {
            return;
        }
        var form = input.form;
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "visually-hidden";
        // A live region without role=status: the page's own notice stays the one status.
        status.setAttribute("aria-live", "polite");
        status.setAttribute("aria-atomic", "true");
        form.appendChild(list);
        form.appendChild(status);
        form.classList.add("has-suggestions");

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var results = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var lastQuery = "";

        function announce(count) {
            var text;
            if (count === 0) {
                text = input.getAttribute("data-suggest-none") || "";
            } else if (count === 1) {
                text = input.getAttribute("data-suggest-one") || "";
            } else {
                text = (input.getAttribute("data-suggest-many") || "").replace("{count}", String(count));
            }
            status.textContent = text;
        }

        function setActive(index) {
            var options = list.querySelectorAll("[role=option]");
            active = index;
            for (var i = 0; i < options.length; i++) {
                var selected = i === index;
                options[i].setAttribute("aria-selected", selected ? "true" : "false");
                options[i].classList.toggle("is-active", selected);
            }
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({block: "nearest"});
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function open() {
            if (!results.length) {
                return;
            }
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function go(index) {
            var result = results[index];
            if (result && result.url) {
                close();
                window.location.assign(result.url);
            }
        }

        function render(items) {
            results = items;
            list.textContent = "";
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = item.title;
                option.addEventListener("mousedown", function (event) {
                    // Keep the focus (and the list) in the input until the click opens the page.
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    go(index);
                });
                list.appendChild(option);
            });
            setActive(-1);
            if (items.length) {
                open();
            } else {
                close();
            }
            announce(items.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (controller) {
                controller.abort();
            }
            if (query.length < MIN_CHARS) {
                results = [];
                list.textContent = "";
                close();
                return;
            }
            controller = window.AbortController ? new AbortController() : null;
            var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
            window.fetch(address, {
                headers: {Accept: "application/json"},
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : {results: []};
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render((data && data.results) || []);
                    }
                })
                .catch(function () {
                    // A suggestion box is an extra: on a network error the form still works.
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var count = results.length;
            var expanded = !list.hidden;
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                    setActive(event.altKey ? -1 : 0);
                } else if (!event.altKey) {
                    setActive(active + 1 >= count ? 0 : active + 1);
                }
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                }
                setActive(active <= 0 ? count - 1 : active - 1);
            } else if (event.key === "Enter") {
                if (expanded && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (expanded) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    lastQuery = "";
                    results = [];
                }
            }
        });

        input.addEventListener("blur", close);
        input.addEventListener("focus", function () {
            if (results.length && input.value.trim() === lastQuery) {
                open();
            }
        });
    }

    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) {
        setup(inputs[i]);
    }
})();
