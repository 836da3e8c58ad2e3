// Moved to src/hooks so every subpackage shares one; kept here so the consultation pages' imports stand.
export { useLoaded } from '../../../hooks/useLoaded'
