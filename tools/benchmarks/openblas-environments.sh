# Sourced by the benchmark scripts. Every comparison runs twice: with OpenBLAS pinned to its AVX2 kernels
# (OPENBLAS_CORETYPE=Haswell, as some machines set it) and with the variable unset (the library's own choice for
# the processor). A result must hold in both, so each script prints both, each headed by its environment.
#
#   openblas_environments FUNCTION   calls FUNCTION pinned, then unset, between a heading and the load after it;
#                                    FUNCTION sees OPENBLAS_ENV=pinned|unset. The variable is unset afterwards.
openblas_environments() {
  local env
  for env in pinned unset; do
    if [ "$env" = pinned ]; then export OPENBLAS_CORETYPE=Haswell; else unset OPENBLAS_CORETYPE; fi
    OPENBLAS_ENV=$env
    echo "**OpenBLAS ${env}** (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}); $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    "$1"
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
  done
  unset OPENBLAS_CORETYPE
}
