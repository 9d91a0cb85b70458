-- wrk: cycle through content pages and the locator page.
local paths = { "/", "/get-help", "/get-help/helplines", "/get-help/calling-999",
  "/staying-safe/leaving-quickly", "/understanding-abuse/signs-of-abuse", "/find", "/about/privacy" }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "br, gzip" })
end
