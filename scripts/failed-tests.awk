# Prints each failed test of the .trx files given, with the first lines of its message, so that the end of a CI log
# (often all that is kept of it) names what failed and why.
/<UnitTestResult / { failed = 0; in_message = 0 }
/<UnitTestResult / && /outcome="Failed"/ {
  match($0, /testName="[^"]*"/)
  printf "FAILED %s\n", substr($0, RSTART + 10, RLENGTH - 11)
  failed = 1
  next
}
failed && /<Message>/ { in_message = 1; lines = 0; sub(/.*<Message>/, "") }
in_message {
  done = sub(/<\/Message>.*/, "")
  gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&apos;/, "'"); gsub(/&amp;/, "\\&")
  if (lines++ < 12) print "  " $0
  if (done) { in_message = 0; failed = 0 }
}
