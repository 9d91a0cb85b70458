-- wrk: the same content pages for both servers, asking for gzip (which nginx serves
-- precompressed from the export with gzip_static).
local paths = { "/", "/get-help", "/get-help/helplines", "/get-help/calling-999",
  "/staying-safe/leaving-quickly", "/understanding-abuse/signs-of-abuse", "/about/privacy" }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "gzip" })
end
