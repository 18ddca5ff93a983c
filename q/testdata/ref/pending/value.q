/ from docs/ref/value.md (KxSystems/docs): not passing yet.
/ differ is a keyword here, not the composition q builds it as ($["b"] and ~~':), and
/ compositions do not yet display as q shows them.
q)value differ
$["b"]
~~':
