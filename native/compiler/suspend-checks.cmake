# Cheaper interruption checks in the code WAMR 1.1.2's AOT compiler emits (included by CMakeLists.txt).
#
# With the thread manager, WAMR's compiler inserts a check of the exec env's suspend flags before every br, br_if,
# br_table, call and call_indirect, and each check is two compares (flags > 0, then flags & 1). That is what lets
# Store.Interrupt stop precompiled code, and it made a memory loop 60 % slower (0.68 → 1.09 ns per iteration,
# measured in C against libiwasm on a 2-core EPYC; 0.82 ns with the changes below).
#
# Code without loops and calls runs for a bounded time, so a check on every backward branch (a branch to a loop
# label) and on every call is enough to stop any runaway code; forward branches need none. This file writes a copy
# of compilation/aot_emit_control.c into the build folder with two changes:
#   1. br, br_if and br_table check only when a target is a loop label (calls keep their checks);
#   2. the check is one test of the termination bit (the first compare only guarded the second).
# Every edit must match exactly once, so a different WAMR source fails the build here instead of compiling
# something unchecked. The runtime is unaffected: the checks read the same flag WAMR's own code sets.

set(WAMR_DOTNET_SUSPEND_CHECKS_FILE "${CMAKE_CURRENT_LIST_FILE}")

function(wamr_dotnet_replace_once content_var old new what)
  string(FIND "${${content_var}}" "${old}" _first)
  if(_first EQUAL -1)
    message(FATAL_ERROR "suspend-checks.cmake: ${what}: the text to replace is not in aot_emit_control.c "
      "(was WAMR's source changed? the edit was written for WAMR 1.1.2)")
  endif()
  string(LENGTH "${old}" _length)
  math(EXPR _after "${_first} + ${_length}")
  string(SUBSTRING "${${content_var}}" ${_after} -1 _rest)
  string(FIND "${_rest}" "${old}" _second)
  if(NOT _second EQUAL -1)
    message(FATAL_ERROR "suspend-checks.cmake: ${what}: the text to replace occurs more than once")
  endif()
  string(REPLACE "${old}" "${new}" _result "${${content_var}}")
  set(${content_var} "${_result}" PARENT_SCOPE)
endfunction()

function(wamr_dotnet_patch_suspend_checks source_var)
  set(_original "${WAMR_ROOT_DIR}/core/iwasm/compilation/aot_emit_control.c")
  set(_patched "${CMAKE_CURRENT_BINARY_DIR}/patched/aot_emit_control.c")
  file(READ "${_original}" _c)

  # 1. One test: jump straight to the block that tests the termination bit.
  wamr_dotnet_replace_once(_c
[==[    BUILD_ICMP(LLVMIntSGT, terminate_flags, I32_ZERO, res, "need_terminate");
    BUILD_COND_BR(res, terminate_check_block, non_terminate_block);
]==]
[==[    /* Wamr for .NET: only the termination bit matters; test it alone (native/compiler/suspend-checks.cmake). */
    BUILD_BR(terminate_check_block);
]==]
    "single test")

  # 2. Backward branches only. The helper is defined before aot_compile_op_br, after get_target_block.
  wamr_dotnet_replace_once(_c
[==[bool
aot_compile_op_br(AOTCompContext *comp_ctx, AOTFuncContext *func_ctx,
                  uint32 br_depth, uint8 **p_frame_ip)
{]==]
[==[/* Wamr for .NET: whether a branch to br_depth goes back to a loop label (an invalid depth counts as one, so that
   the check is kept and the error is reported by the code that follows). */
static bool
wamr_dotnet_branch_is_backward(AOTFuncContext *func_ctx, uint32 br_depth)
{
    AOTBlock *target = get_target_block(func_ctx, br_depth);
    return target == NULL || target->label_type == LABEL_TYPE_LOOP;
}

/* Wamr for .NET: whether any target of a br_table goes back to a loop label. */
static bool
wamr_dotnet_table_is_backward(AOTFuncContext *func_ctx, uint32 *br_depths, uint32 br_count)
{
    uint32 k;
    for (k = 0; k <= br_count; k++) {
        if (wamr_dotnet_branch_is_backward(func_ctx, br_depths[k]))
            return true;
    }
    return false;
}

bool
aot_compile_op_br(AOTCompContext *comp_ctx, AOTFuncContext *func_ctx,
                  uint32 br_depth, uint8 **p_frame_ip)
{]==]
    "helpers")

  set(_gate [==[    if (comp_ctx->enable_thread_mgr) {
        if (!check_suspend_flags(comp_ctx, func_ctx))
            return false;
    }
#endif

]==])
  set(_backward_gate [==[    if (comp_ctx->enable_thread_mgr
        && wamr_dotnet_branch_is_backward(func_ctx, br_depth)) {
        if (!check_suspend_flags(comp_ctx, func_ctx))
            return false;
    }
#endif

]==])
  set(_table_gate [==[    if (comp_ctx->enable_thread_mgr
        && wamr_dotnet_table_is_backward(func_ctx, br_depths, br_count)) {
        if (!check_suspend_flags(comp_ctx, func_ctx))
            return false;
    }
#endif

]==])
  wamr_dotnet_replace_once(_c "${_gate}    if (!(block_dst = get_target_block(func_ctx, br_depth))) {"
    "${_backward_gate}    if (!(block_dst = get_target_block(func_ctx, br_depth))) {" "br")
  wamr_dotnet_replace_once(_c "${_gate}    POP_COND(value_cmp);" "${_backward_gate}    POP_COND(value_cmp);" "br_if")
  wamr_dotnet_replace_once(_c "${_gate}    POP_I32(value_cmp);" "${_table_gate}    POP_I32(value_cmp);" "br_table")

  # Rewritten only when the text changes, so that a reconfigure does not rebuild the file.
  file(WRITE "${_patched}.new" "${_c}")
  file(COPY_FILE "${_patched}.new" "${_patched}" ONLY_IF_DIFFERENT)
  file(REMOVE "${_patched}.new")

  set(_sources ${${source_var}})
  list(LENGTH _sources _before)
  list(FILTER _sources EXCLUDE REGEX "/compilation/aot_emit_control\\.c$")
  list(LENGTH _sources _after)
  math(EXPR _removed "${_before} - ${_after}")
  if(NOT _removed EQUAL 1)
    message(FATAL_ERROR "suspend-checks.cmake: expected aot_emit_control.c once among the compiler's sources, found it ${_removed} times")
  endif()
  list(APPEND _sources "${_patched}")
  set(${source_var} ${_sources} PARENT_SCOPE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_original}" "${WAMR_DOTNET_SUSPEND_CHECKS_FILE}")
endfunction()
