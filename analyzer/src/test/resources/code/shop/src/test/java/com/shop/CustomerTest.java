package com.shop;

class CustomerTest {
    String sql = "select test_only_column from customers";
}
